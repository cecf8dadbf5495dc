package dev.madang.security;

import java.util.EnumSet;
import java.util.Set;

import dev.madang.identity.CurrentUser;
import dev.madang.identity.Role;
import dev.madang.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AccessRulesTest {

	private final AccessRules rules = new AccessRules(null, new PrivilegeProperties(15, 50, 125, 300, 2000));

	@Test
	void reputationUnlocksPrivilegesAtTheConfiguredThresholds() {
		CurrentUser newcomer = member(1);
		CurrentUser regular = member(125);
		assertThat(this.rules.allows(newcomer, Privilege.VOTE_UP)).isFalse();
		assertThat(this.rules.allows(member(15), Privilege.VOTE_UP)).isTrue();
		assertThat(this.rules.allows(member(49), Privilege.COMMENT)).isFalse();
		assertThat(this.rules.allows(regular, Privilege.VOTE_DOWN)).isTrue();
		assertThat(this.rules.allows(regular, Privilege.EDIT_OTHERS)).isFalse();
		assertThat(this.rules.allows(member(2000), Privilege.EDIT_OTHERS)).isTrue();
		assertThat(this.rules.allows(member(299), Privilege.CREATE_TAG)).isFalse();
		assertThat(this.rules.allows(member(300), Privilege.CREATE_TAG)).isTrue();
	}

	@Test
	void editingIsForTheAuthorModeratorsAndTheEditPrivilege() {
		CurrentUser author = member(1);
		assertThat(this.rules.mayEdit(author, author.id()).hasElement().block()).isFalse();
		assertThat(this.rules.mayEdit(user(1, Role.MODERATOR), author.id()).hasElement().block()).isFalse();
		assertThat(this.rules.mayEdit(member(2000), author.id()).hasElement().block()).isFalse();
		ProblemException refusal = catchThrowableOfType(ProblemException.class,
				() -> this.rules.mayEdit(member(1999), author.id()).block());
		assertThat(refusal.getBody().getDetail()).isEqualTo("Editing others' posts needs 2000 reputation; you have 1999.");
	}

	@Test
	void staffRolesHoldEveryReputationPrivilege() {
		CurrentUser moderator = user(0, Role.MODERATOR);
		CurrentUser staff = user(0, Role.STAFF);
		for (Privilege privilege : Privilege.values()) {
			assertThat(this.rules.allows(moderator, privilege)).isTrue();
			assertThat(this.rules.allows(staff, privilege)).isTrue();
		}
	}

	@Test
	void adminsPassEveryRoleCheckAndOthersOnlyTheirOwn() {
		assertThat(AccessRules.hasRole(user(1, Role.ADMIN), Role.MODERATOR)).isTrue();
		assertThat(AccessRules.hasRole(user(1, Role.STAFF), Role.MODERATOR)).isFalse();
		assertThat(AccessRules.hasRole(member(99_999), Role.STAFF)).isFalse();
	}

	@Test
	void ownersAndModeratorsMayModifyAPost() {
		CurrentUser author = member(1);
		assertThat(AccessRules.mayModify(author, author.id())).isTrue();
		assertThat(AccessRules.mayModify(member(5000), author.id())).isFalse();
		assertThat(AccessRules.mayModify(user(1, Role.MODERATOR), author.id())).isTrue();
	}

	private static CurrentUser member(int reputation) {
		return user(reputation);
	}

	private static CurrentUser user(int reputation, Role... roles) {
		Set<Role> all = EnumSet.of(Role.MEMBER);
		all.addAll(java.util.List.of(roles));
		return new CurrentUser("u" + reputation + all, "User", "u@example.com", all, reputation, "en");
	}

}
