package dev.madang.answer;

import java.time.Instant;

/**
 * An answer as the API shows it; {@code bodyHtml} is rendered and sanitized.
 *
 * @param accepted whether it is the thread's solution
 * @param markedByStaff whether a moderator, rather than the asker, marked it as the solution
 * @param deleted shown only to its author and moderators
 */
public record AnswerView(String id, String threadId, String authorId, String body, String bodyHtml, int score,
		boolean accepted, boolean markedByStaff, boolean deleted, int revision, Instant createdAt, Instant updatedAt) {

	public static AnswerView of(Answer answer, String bodyHtml, String acceptedAnswerId, boolean markedByStaff) {
		boolean accepted = answer.getId().equals(acceptedAnswerId);
		return new AnswerView(answer.getId(), answer.getThreadId(), answer.getAuthorId(), answer.getBody(),
				bodyHtml, answer.getScore(), accepted, accepted && markedByStaff, answer.isDeleted(), answer.getRevision(),
				answer.getCreatedAt(), answer.getUpdatedAt());
	}

}
