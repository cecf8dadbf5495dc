package dev.madang.search.index;

import java.time.Instant;
import java.util.List;

/**
 * One search result. {@code titleHtml} and {@code snippetHtml} are HTML-escaped text in which only the
 * {@code <em>} tags marking matched words are markup.
 */
public record PostHit(String id, String kind, String title, String titleHtml, String snippetHtml, List<String> tags,
		String area, String status, boolean solved, int votes, int answerCount, Instant createdAt, double score) {
}
