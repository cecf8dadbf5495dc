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

	/** Closing arrives with moderation; its kind is part of the language already. */
	public static final String QUESTION_CLOSED = "question.closed";

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

	/** {@code data.userId}, {@code data.amount}, {@code data.reason}, {@code data.postId}. */
	public static final String REPUTATION_CHANGED = "reputation.changed";

	public static final String ARTICLE_PROMOTED = "article.promoted";

	public static final String ARTICLE_PUBLISHED = "article.published";

	public static final String ARTICLE_ARCHIVED = "article.archived";

	public static final String ARTICLE_RESTORED = "article.restored";

	public static final String ACCOUNT_CREATED = "account.created";

	/** {@code data.roles}: the account's roles now. */
	public static final String ROLES_CHANGED = "account.roles-changed";

	private EventType() {
	}

}
