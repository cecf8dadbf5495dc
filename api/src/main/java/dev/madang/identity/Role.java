package dev.madang.identity;

import java.util.Locale;

/** What a person may do by position, independent of reputation: customers are members; staff roles are granted. */
public enum Role {

	/** A customer: asks, answers, votes and comments within the reputation privileges. */
	MEMBER,
	/** Staff who mark solutions, handle flags, edit, close and merge. */
	MODERATOR,
	/** Staff who write and publish knowledge-base articles and read insights. */
	STAFF,
	/** Grants roles and configures the community. */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses {@code member}, {@code MODERATOR}, ...; unknown names are an {@link IllegalArgumentException}. */
	public static Role parse(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}

}
