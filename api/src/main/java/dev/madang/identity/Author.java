package dev.madang.identity;

/** How a post's author shows beside it: name and reputation, with the id for the profile link. */
public record Author(String id, String displayName, int reputation) {

	static Author of(UserAccount account) {
		return new Author(account.getId(), account.getDisplayName(), account.getReputation());
	}

}
