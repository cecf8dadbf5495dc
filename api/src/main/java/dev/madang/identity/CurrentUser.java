package dev.madang.identity;

import java.util.Set;

/** The signed-in person as the rest of the application sees them, read fresh from storage for each request. */
public record CurrentUser(String id, String displayName, String email, Set<Role> roles, int reputation, String locale) {

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public static CurrentUser of(UserAccount account) {
		return new CurrentUser(account.getId(), account.getDisplayName(), account.getEmail(), account.getRoles(),
				account.getReputation(), account.getLocale());
	}

}
