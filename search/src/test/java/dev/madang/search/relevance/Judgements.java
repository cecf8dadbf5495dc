package dev.madang.search.relevance;

import java.util.List;

/**
 * A relevance data set: the documents to index and the queries, each with the one document that answers it.
 *
 * @param name what the report calls it
 */
record Judgements(String name, List<Doc> documents, List<Judged> queries) {

	/** A question as the index holds it: title, body, accepted answer, other answers. */
	record Doc(String id, String title, String body, String solution, String answers, boolean solved, int score) {
	}

	/**
	 * A query with the document that answers it. {@code excludeId} is left out of the results, as the question a
	 * "possible duplicate" lookup starts from is.
	 */
	record Judged(String text, String relevantId, String excludeId) {
	}

}
