package dev.madang.thread;

import java.time.Instant;
import java.util.List;

/** A thread as the API shows it, with moderators' marks (closed, locked, pinned, merged, hidden pending review). */
public record ThreadView(String id, String authorId, String title, String body, String bodyHtml, List<String> tags,
		String area,
		String status, int score, int answerCount, long viewCount, int meTooCount, String acceptedAnswerId, boolean solutionMarkedByStaff,
		Instant createdAt, Instant updatedAt, Instant firstAnswerAt, Instant solvedAt, int revision, long version,
		Closure closure, Lock lock, boolean pinned, String mergedInto, dev.madang.post.Hold hold) {

	/** {@code bodyHtml} is the Markdown body rendered and sanitized, safe to insert into a page. */
	public static ThreadView of(ForumThread thread, String bodyHtml) {
		return new ThreadView(thread.getId(), thread.getAuthorId(), thread.getTitle(), thread.getBody(),
				bodyHtml, thread.getTags(), thread.getProductArea(),
				thread.getStatus().name().toLowerCase(java.util.Locale.ROOT), thread.getScore(), thread.getAnswerCount(), thread.getViewCount(),
				thread.getFollowCount(),
				thread.getAcceptedAnswerId(), thread.getSolutionMarkedBy() != null, thread.getCreatedAt(),
				thread.getUpdatedAt(), thread.getFirstAnswerAt(), thread.getSolvedAt(), thread.getRevision(),
				thread.getVersion(), thread.getClosure(), thread.getLock(), thread.isPinned(), thread.getMergedInto(),
				thread.getHold());
	}

}
