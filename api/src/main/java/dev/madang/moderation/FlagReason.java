package dev.madang.moderation;

import java.util.Locale;

import dev.madang.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** Why a member flags a post. Spam and abuse count towards hiding it; the others only bring it to moderators. */
public enum FlagReason {

	SPAM, RUDE, OFF_TOPIC, DUPLICATE, NEEDS_IMPROVEMENT, OTHER;

	/** Spam and rude or abusive posts are hidden once their flags weigh enough. */
	public boolean hides() {
		return this == SPAM || this == RUDE;
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static FlagReason of(String id) {
		for (FlagReason reason : values()) {
			if (reason.id().equals(id)) {
				return reason;
			}
		}
		throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-flag-reason", "Unknown flag reason",
				"Flag with one of spam, rude, off-topic, duplicate, needs-improvement, other.");
	}

}
