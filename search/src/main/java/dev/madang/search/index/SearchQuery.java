package dev.madang.search.index;

/**
 * What a reader searches for: free text (any characters; nothing in it is query syntax) and optional filters.
 *
 * @param status {@code solved}, {@code unanswered} or {@code open} (not solved), or null for all
 * @param sort {@code relevance} (the default with text), {@code newest} (the default without) or {@code votes}
 * @param from how many results to skip (the API's cursor)
 */
public record SearchQuery(String text, String tag, String area, String status, String sort, int from, int size) {

	/** The statuses a search narrows to. */
	public static final String STATUSES = "solved|unanswered|open";

	/** The orders a search sorts by. */
	public static final String SORTS = "relevance|newest|votes";

	public static SearchQuery text(String text, int size) {
		return new SearchQuery(text, null, null, null, null, 0, size);
	}

	boolean hasText() {
		return this.text != null && !this.text.isBlank();
	}

	String effectiveSort() {
		if (this.sort == null || this.sort.isBlank()) {
			return hasText() ? "relevance" : "newest";
		}
		return this.sort;
	}

}
