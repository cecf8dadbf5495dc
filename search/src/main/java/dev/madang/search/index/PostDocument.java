package dev.madang.search.index;

import java.time.Instant;
import java.util.List;

/**
 * What the posts index holds for one searchable post. {@code version} is the source document's version in MongoDB,
 * used as the external version so an older update arriving late never overwrites a newer one. A document without a
 * source is a removal: the post was deleted, and that version takes it out of the index.
 */
public record PostDocument(String id, long version, Source source) {

	/** The kind of a knowledge-base article's document; questions are {@code question}. */
	public static final String ARTICLE = "article";

	/** The indexed fields, as they are stored in {@code _source}. */
	/**
	 * @param solution the accepted (or staff-marked) answer's text, weighted above the other answers
	 * @param answers the other answers' text
	 */
	public record Source(String kind, String title, String body, String solution, String answers, List<String> tags,
			String area, String status, boolean solved, int score, int answerCount, Instant createdAt) {
	}

	/** A question with its answers' text, and what search filters and ranks by. */
	public static PostDocument question(String id, long version, String title, String body, String solution,
			String answers, List<String> tags, String area, String status, boolean solved, int score, int answerCount,
			Instant createdAt) {
		return new PostDocument(id, version, new Source("question", title, body, solution, answers, List.copyOf(tags),
				area, status, solved, score, answerCount, createdAt));
	}

	/**
	 * A published knowledge-base article: searched apart from questions and shown above them. {@code status} holds
	 * its language ({@code ko}, {@code en}).
	 */
	public static PostDocument article(String id, long version, String title, String body, List<String> tags,
			String area, String locale, Instant publishedAt) {
		return new PostDocument(id, version, new Source(ARTICLE, title, body, null, null, List.copyOf(tags), area,
				locale, false, 0, 0, publishedAt));
	}

	public static PostDocument removal(String id, long version) {
		return new PostDocument(id, version, null);
	}

	public boolean isRemoval() {
		return this.source == null;
	}

}
