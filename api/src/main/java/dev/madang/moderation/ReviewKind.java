package dev.madang.moderation;

import java.util.Locale;
import java.util.Set;

import dev.madang.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** What a review item asks a moderator to look at, and the outcomes that answer it. */
public enum ReviewKind {

	/** A post members flagged. */
	FLAGGED(Set.of(ReviewOutcome.AGREE, ReviewOutcome.DISAGREE, ReviewOutcome.DELETE, ReviewOutcome.SUSPEND_AUTHOR)),

	/** A post the spam rules held before anyone saw it. */
	HELD(Set.of(ReviewOutcome.APPROVE, ReviewOutcome.DELETE, ReviewOutcome.SUSPEND_AUTHOR)),

	/** A new member's first post, published, checked once. */
	FIRST_POST(Set.of(ReviewOutcome.APPROVE, ReviewOutcome.DELETE, ReviewOutcome.SUSPEND_AUTHOR)),

	/** An edit suggested by a member below the edit privilege. */
	SUGGESTED_EDIT(Set.of(ReviewOutcome.APPROVE, ReviewOutcome.REJECT)),

	/** A restricted member's appeal: approving it lifts the restriction. */
	APPEAL(Set.of(ReviewOutcome.APPROVE, ReviewOutcome.REJECT)),

	/** A member the spam defence silenced: approving it lifts the silence, rejecting keeps it. */
	SILENCED(Set.of(ReviewOutcome.APPROVE, ReviewOutcome.REJECT));

	private final Set<ReviewOutcome> outcomes;

	ReviewKind(Set<ReviewOutcome> outcomes) {
		this.outcomes = outcomes;
	}

	/** Whether the outcome answers this kind of item (deferring answers every kind). */
	public boolean accepts(ReviewOutcome outcome) {
		return outcome == ReviewOutcome.DEFER || this.outcomes.contains(outcome);
	}

	public Set<ReviewOutcome> outcomes() {
		return this.outcomes;
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static ReviewKind of(String id) {
		for (ReviewKind kind : values()) {
			if (kind.id().equals(id)) {
				return kind;
			}
		}
		throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-review-kind", "Unknown review kind",
				"Filter by flagged, held, first-post, suggested-edit, appeal or silenced.");
	}

}
