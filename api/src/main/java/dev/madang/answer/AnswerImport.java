package dev.madang.answer;

import java.time.Instant;

/**
 * An answer brought in from another site, to a question imported before.
 *
 * @param importKey the site and the original id: importing it again finds it instead of adding it twice
 * @param bodyFormat {@code html} (Stack Exchange dumps) or {@code markdown}
 */
public record AnswerImport(String importKey, String threadId, String authorId, String body, String bodyFormat,
		int score, Instant createdAt) {
}
