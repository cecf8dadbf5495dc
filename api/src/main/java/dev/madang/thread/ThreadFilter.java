package dev.madang.thread;

/**
 * Which questions a list shows; every part is optional.
 *
 * @param tag only questions with this tag
 * @param area only questions in this product area (its slug)
 * @param authorId only questions this member asked
 */
public record ThreadFilter(String tag, String area, String authorId) {

	public static final ThreadFilter ALL = new ThreadFilter(null, null, null);

	public static ThreadFilter byAuthor(String authorId) {
		return new ThreadFilter(null, null, authorId);
	}

}
