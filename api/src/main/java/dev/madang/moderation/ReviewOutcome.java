package dev.madang.moderation;

import java.util.Locale;

import dev.madang.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** A moderator's answer to a review item. */
public enum ReviewOutcome {

	/** The flags are right: the post stays hidden (or is hidden now). */
	AGREE,
	/** The flags are wrong: the post shows again. */
	DISAGREE,
	/** Remove the post (questions and answers are deleted, comments stay hidden). */
	DELETE,
	/** Publish a held post, apply a suggested edit, grant an appeal, lift an automatic silence. */
	APPROVE,
	/** Refuse a suggested edit or an appeal; keep an automatic silence. */
	REJECT,
	/** Agree and hide, and suspend the author. */
	SUSPEND_AUTHOR,
	/** Leave it for another moderator: the claim is released. */
	DEFER;

	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static ReviewOutcome of(String id) {
		for (ReviewOutcome outcome : values()) {
			if (outcome.id().equals(id)) {
				return outcome;
			}
		}
		throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-review-outcome", "Unknown outcome",
				"Decide with agree, disagree, delete, approve, reject, suspend-author or defer.");
	}

}
