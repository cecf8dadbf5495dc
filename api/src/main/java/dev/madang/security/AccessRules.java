package dev.madang.security;

import dev.madang.identity.CurrentUser;
import dev.madang.identity.CurrentUsers;
import dev.madang.identity.Role;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * The one place that states who may do what: roles (checked against the account as stored now, so a revoked role or
 * a suspension applies to running sessions), ownership, and privileges earned by reputation. Staff roles imply the
 * reputation privileges; admins hold every role's rights.
 */
@Component
public class AccessRules {

	private final CurrentUsers currentUsers;

	private final PrivilegeProperties thresholds;

	@org.springframework.beans.factory.annotation.Autowired
	AccessRules(CurrentUsers currentUsers, PrivilegeProperties thresholds) {
		this.currentUsers = currentUsers;
		this.thresholds = thresholds;
	}

	/** Any signed-in account that is not suspended. */
	public ReactiveAuthorizationManager<AuthorizationContext> signedIn() {
		return (authentication, context) -> user(authentication)
			.<AuthorizationResult>map((user) -> new AuthorizationDecision(true))
			.defaultIfEmpty(new AuthorizationDecision(false));
	}

	/** A signed-in account holding {@code role} (admins pass every role check). */
	public ReactiveAuthorizationManager<AuthorizationContext> role(Role role) {
		return (authentication, context) -> user(authentication)
			.<AuthorizationResult>map((user) -> new AuthorizationDecision(hasRole(user, role)))
			.defaultIfEmpty(new AuthorizationDecision(false));
	}

	public static boolean hasRole(CurrentUser user, Role role) {
		return user.has(role) || user.has(Role.ADMIN);
	}

	/** Whether the user may act on something owned by {@code ownerId}: its owner, or a moderator. */
	public static boolean mayModify(CurrentUser user, String ownerId) {
		return user.id().equals(ownerId) || hasRole(user, Role.MODERATOR);
	}

	/**
	 * Editing a post: its author, moderators, and members with the edit privilege (2,000 reputation by default);
	 * otherwise 403 saying how much reputation it takes.
	 */
	public Mono<Void> mayEdit(CurrentUser user, String ownerId) {
		if (mayModify(user, ownerId) || allows(user, Privilege.EDIT_OTHERS)) {
			return Mono.empty();
		}
		return Mono.error(tooLittleReputation(user, Privilege.EDIT_OTHERS, "Editing others' posts"));
	}

	/** The 403 for a privilege not earned yet: "{@code doing} needs N reputation; you have R." */
	public ProblemException tooLittleReputation(CurrentUser user, Privilege privilege, String doing) {
		return new ProblemException(HttpStatus.FORBIDDEN, "reputation-too-low", "Not enough reputation",
				doing + " needs " + threshold(privilege) + " reputation; you have " + user.reputation() + ".");
	}

	public boolean allows(CurrentUser user, Privilege privilege) {
		if (hasRole(user, Role.MODERATOR) || hasRole(user, Role.STAFF)) {
			return true;
		}
		return user.reputation() >= threshold(privilege);
	}

	public int threshold(Privilege privilege) {
		return switch (privilege) {
			case VOTE_UP -> this.thresholds.voteUp();
			case COMMENT -> this.thresholds.comment();
			case VOTE_DOWN -> this.thresholds.voteDown();
			case CREATE_TAG -> this.thresholds.createTag();
			case EDIT_OTHERS -> this.thresholds.editOthers();
		};
	}

	private Mono<CurrentUser> user(Mono<Authentication> authentication) {
		return authentication.flatMap(this.currentUsers::of);
	}

}
