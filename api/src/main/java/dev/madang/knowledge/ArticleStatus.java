package dev.madang.knowledge;

import java.util.Locale;

/**
 * Where an article's working copy stands. Readers see the last published version whatever the status, until the
 * article is archived: editing a published article makes a new draft while the published version stays up.
 */
public enum ArticleStatus {

	DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED;

	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
