package dev.madang.knowledge;

/**
 * What a list of articles narrows to. {@code status} and {@code sourceChanged} only apply for staff.
 *
 * @param publicOnly staff too see only what readers see (the public knowledge-base pages)
 */
public record ArticleFilter(String locale, String area, ArticleStatus status, boolean sourceChanged,
		boolean publicOnly) {

	public static ArticleFilter forReaders(String locale, String area) {
		return new ArticleFilter(locale, area, null, false, true);
	}

}
