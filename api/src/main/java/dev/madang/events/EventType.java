package dev.madang.events;

/**
 * The kinds of event in the log: the published language of the community's changes. Each is recorded by the module
 * that owns what changed, in the same write as the change.
 */
public final class EventType {

	public static final String QUESTION_ASKED = "question.asked";

	public static final String QUESTION_EDITED = "question.edited";

	public static final String QUESTION_DELETED = "question.deleted";

	public static final String QUESTION_UNDELETED = "question.undeleted";

	/** A moderator closed the question: {@code data.reason}, {@code data.duplicateOf}, {@code data.note}. */
	public static final String QUESTION_CLOSED = "question.closed";

	public static final String QUESTION_REOPENED = "question.reopened";

	public static final String QUESTION_LOCKED = "question.locked";

	public static final String QUESTION_UNLOCKED = "question.unlocked";

	public static final String QUESTION_PINNED = "question.pinned";

	public static final String QUESTION_UNPINNED = "question.unpinned";

	/** {@code data.before}, {@code data.after}: the product areas. */
	public static final String QUESTION_MOVED = "question.moved";

	/** {@code data.target}, {@code data.answerIds}, {@code data.commentIds}: what moved into the target. */
	public static final String QUESTION_MERGED = "question.merged";

	public static final String QUESTION_UNMERGED = "question.unmerged";

	/**
	 * A question, answer or comment was hidden pending review: {@code data.postType}, {@code data.cause}
	 * ({@code flags}, {@code held}, {@code moderator}), {@code data.reason}, {@code data.postAuthorId}.
	 */
	public static final String POST_HIDDEN = "post.hidden";

	/** The post shows again (a moderator disagreed with the flags, or approved a held post). */
	public static final String POST_RELEASED = "post.released";

	/** {@code data.postType}, {@code data.postId}, {@code data.reason}, {@code data.weight}. */
	public static final String FLAG_RAISED = "flag.raised";

	/** {@code data.outcome} ({@code agreed}, {@code disagreed}), {@code data.flaggerId}, {@code data.postId}. */
	public static final String FLAG_RESOLVED = "flag.resolved";

	/** A moderator decided a review item: {@code data.kind}, {@code data.outcome}, {@code data.postId}. */
	public static final String REVIEW_DECIDED = "review.decided";

	/**
	 * A member was suspended or silenced: {@code data.kind}, {@code data.until} (absent: for good),
	 * {@code data.reason}, {@code data.before}.
	 */
	public static final String MEMBER_RESTRICTED = "member.restricted";

	public static final String MEMBER_RESTRICTION_LIFTED = "member.restriction-lifted";

	/** A suspended member appealed: {@code data.text}. */
	public static final String APPEAL_FILED = "appeal.filed";

	/** Many questions and answers arrived at once (an import, the demo): {@code data.site}, {@code data.count}. */
	public static final String QUESTIONS_IMPORTED = "questions.imported";

	public static final String ANSWER_POSTED = "answer.posted";

	public static final String ANSWER_EDITED = "answer.edited";

	public static final String ANSWER_DELETED = "answer.deleted";

	public static final String ANSWER_UNDELETED = "answer.undeleted";

	/** The asker accepted an answer: {@code data.answerId}, {@code data.answerAuthorId}, {@code data.replaced}. */
	public static final String ANSWER_ACCEPTED = "answer.accepted";

	/** An accepted answer stopped being the solution (another was chosen): {@code data.answerId}. */
	public static final String ANSWER_UNACCEPTED = "answer.unaccepted";

	/** A moderator marked the solution: as {@link #ANSWER_ACCEPTED}. */
	public static final String SOLUTION_MARKED = "solution.marked";

	/** {@code data.postId}, {@code data.postType}, {@code data.postAuthorId}, {@code data.value} (±1). */
	public static final String VOTE_CAST = "vote.cast";

	public static final String VOTE_RETRACTED = "vote.retracted";

	public static final String COMMENT_POSTED = "comment.posted";

	/** {@code data.following}: true when a member said "me too", false when they took it back. */
	public static final String ME_TOO = "question.me-too";

	/** {@code data.views}: views counted since the last such event (the view counter's flushes, not every read). */
	public static final String QUESTION_VIEWED = "question.viewed";

	/** {@code data.userId}, {@code data.amount}, {@code data.reason}, {@code data.postId}. */
	public static final String REPUTATION_CHANGED = "reputation.changed";

	/** A webhook was switched off after repeated failed deliveries (data: url, reason). */
	public static final String WEBHOOK_DISABLED = "webhook.disabled";

	public static final String ARTICLE_PROMOTED = "article.promoted";

	/**
	 * A member answered a survey: {@code data.kind} ({@code ces}: how easy it was to get their question solved, 1–7;
	 * {@code nps}: how likely they would recommend us, 0–10), {@code data.score}, {@code data.area}.
	 */
	public static final String SURVEY_ANSWERED = "survey.answered";

	/**
	 * Staff marked questions as a known issue or feature request, or changed its status: {@code data.kind},
	 * {@code data.status}, {@code data.before} (absent when new), {@code data.fixedIn}, {@code data.note},
	 * {@code data.title}, {@code data.threadIds}, {@code data.area}.
	 */
	public static final String PRODUCT_ISSUE_CHANGED = "product-issue.changed";

	/**
	 * A reader answered "was this helpful?" (again: the latest answer counts): {@code data.reader}, {@code data.helpful},
	 * {@code data.comment}, {@code data.area}, {@code data.title}.
	 */
	public static final String ARTICLE_RATED = "article.rated";

	/** A reader said an article answered them: {@code data.where} (search, ask), {@code data.query}, {@code data.area}. */
	public static final String ARTICLE_DEFLECTED = "article.deflected";

	/**
	 * Searches counted since the last such event, per query: {@code data.query} (normalized), {@code data.searches},
	 * {@code data.zero} (it found nothing), {@code data.clicks} (results opened from it).
	 */
	public static final String SEARCHES_COUNTED = "search.counted";

	public static final String ARTICLE_PUBLISHED = "article.published";

	public static final String ARTICLE_ARCHIVED = "article.archived";

	public static final String ARTICLE_RESTORED = "article.restored";

	public static final String ACCOUNT_CREATED = "account.created";

	/** {@code data.roles}: the account's roles now. */
	public static final String ROLES_CHANGED = "account.roles-changed";

	private EventType() {
	}

}
