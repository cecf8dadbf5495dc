package dev.madang.thread;

import java.time.Instant;
import java.util.List;

/** A question as lists show it. */
public record ThreadSummary(String id, String title, String url, List<String> tags, String area, String status, int score,
		int answerCount, long viewCount, boolean solved, Instant createdAt, Instant lastActivityAt) {

	static ThreadSummary of(ForumThread thread) {
		return new ThreadSummary(thread.getId(), thread.getTitle(), Slugs.threadPath(thread.getId(), thread.getTitle()),
				thread.getTags(), thread.getProductArea(), thread.getStatus().name().toLowerCase(java.util.Locale.ROOT), thread.getScore(),
				thread.getAnswerCount(), thread.getViewCount(), thread.getAcceptedAnswerId() != null, thread.getCreatedAt(),
				thread.getLastActivityAt());
	}

}
