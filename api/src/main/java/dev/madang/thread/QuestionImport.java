package dev.madang.thread;

import java.time.Instant;
import java.util.List;

/**
 * A question brought in from another site.
 *
 * @param importKey the site and the original id: importing it again finds it instead of adding it twice
 * @param bodyFormat {@code html} (Stack Exchange dumps) or {@code markdown}
 */
public record QuestionImport(String importKey, String title, String body, String bodyFormat, List<String> tags,
		String authorId, int score, Attribution source, Instant createdAt, Instant lastActivityAt) {
}
