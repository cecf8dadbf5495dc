package dev.madang.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An article as the API shows it. Readers get the published version as {@code title}/{@code bodyHtml}; staff get the
 * working copy there and the published version beside it.
 *
 * @param status {@code draft}, {@code in-review}, {@code published} or {@code archived}
 * @param revision the working copy's revision, to send back as {@code baseRevision} when saving
 * @param translations locale → article id, this one included
 */
public record ArticleView(String id, String locale, String title, String body, String bodyHtml, List<String> tags,
		String area, String status, Integer revision, Published published, List<ArticleSource> sources,
		List<String> credits, Boolean sourceChanged, Map<String, String> translations, int helpful, int notHelpful,
		String path, Instant createdAt, Instant updatedAt) {

	/** The version readers see. */
	public record Published(int number, String title, String bodyHtml, Instant publishedAt) {
	}

	static ArticleView of(Article article, boolean staff) {
		PublishedVersion shown = article.getPublished();
		Published published = (shown == null) ? null
				: new Published(shown.number(), shown.title(), shown.bodyHtml(), shown.publishedAt());
		if (!staff) {
			return new ArticleView(article.getId(), article.getLocale(), shown.title(), shown.body(), shown.bodyHtml(),
					shown.tags(), article.getProductArea(), article.getStatus().id(), null, published,
					article.getSources(), article.getCredits(), null, article.getTranslations(), article.getHelpfulYes(),
					article.getHelpfulNo(), article.path(), article.getCreatedAt(), shown.publishedAt());
		}
		return new ArticleView(article.getId(), article.getLocale(), article.getTitle(), article.getBody(),
				article.getBodyHtml(), article.getTags(), article.getProductArea(), article.getStatus().id(),
				article.getRevision(), published, article.getSources(), article.getCredits(), article.isSourceChanged(),
				article.getTranslations(), article.getHelpfulYes(), article.getHelpfulNo(), article.path(),
				article.getCreatedAt(), article.getUpdatedAt());
	}

}
