package dev.madang.search.index;

import java.time.Instant;
import java.util.List;

/**
 * What the posts index holds for one searchable post. {@code version} is the source document's version in MongoDB,
 * used as the external version so an older update arriving late never overwrites a newer one. A document without a
 * source is a removal: the post was deleted, and that version takes it out of the index.
 */
public record PostDocument(String id, long version, Source source) {

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

	public static PostDocument removal(String id, long version) {
		return new PostDocument(id, version, null);
	}

	public boolean isRemoval() {
		return this.source == null;
	}

}
