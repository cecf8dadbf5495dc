package dev.madang.identity;

import java.util.Set;

/**
 * The signed-in person as the rest of the application sees them, read fresh from storage for each request, with the
 * suspension or silencing in force (null when none).
 */
public record CurrentUser(String id, String displayName, String email, Set<Role> roles, int reputation, String locale,
		Restriction restriction) {

	public CurrentUser(String id, String displayName, String email, Set<Role> roles, int reputation, String locale) {
		this(id, displayName, email, roles, reputation, locale, null);
	}

	public boolean isSuspended() {
		return this.restriction != null && this.restriction.isSuspension();
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public static CurrentUser of(UserAccount account, java.time.Instant now) {
		return new CurrentUser(account.getId(), account.getDisplayName(), account.getEmail(), account.getRoles(),
				account.getReputation(), account.getLocale(), account.restrictionAt(now));
	}

}
