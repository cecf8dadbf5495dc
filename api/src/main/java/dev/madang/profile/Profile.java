package dev.madang.profile;

import java.time.Instant;
import java.util.List;

import dev.madang.reputation.ReputationEvent;
import dev.madang.thread.ThreadSummary;

/**
 * A member as everyone may see them: name, reputation and how it was earned, staff roles, and their latest questions
 * and answers. Never the email address.
 *
 * @param staffRoles the roles that show as badges ({@code moderator}, {@code staff}, {@code admin})
 */
public record Profile(String id, String displayName, int reputation, List<String> staffRoles, Instant memberSince,
		List<ReputationEvent> reputationHistory, List<ThreadSummary> questions, List<AnsweredQuestion> answers) {

	/** One of the member's answers, shown by the question it answers. */
	public record AnsweredQuestion(String answerId, String threadId, String threadTitle, String url, int score,
			boolean accepted, Instant answeredAt) {
	}

}
