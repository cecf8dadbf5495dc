package dev.madang.identity;

import java.time.Instant;
import java.util.List;

/** An account as the API shows it (never the password hash). */
public record UserView(String id, String displayName, String email, boolean emailVerified, List<String> roles,
		int reputation, String locale, Instant createdAt, Restriction restriction) {

	static UserView of(UserAccount account) {
		return new UserView(account.getId(), account.getDisplayName(), account.getEmail(), account.isEmailVerified(),
				account.getRoles().stream().map(Role::id).sorted().toList(), account.getReputation(),
				account.getLocale(), account.getCreatedAt(), account.getRestriction());
	}

}
