package dev.madang.thread;

import java.time.Instant;
import java.util.List;

/** A thread as the API shows it. */
public record ThreadView(String id, String authorId, String title, String body, List<String> tags, Instant createdAt,
		Instant updatedAt, long version) {

	static ThreadView of(ForumThread thread) {
		return new ThreadView(thread.getId(), thread.getAuthorId(), thread.getTitle(), thread.getBody(), thread.getTags(),
				thread.getCreatedAt(), thread.getUpdatedAt(), thread.getVersion());
	}

}
