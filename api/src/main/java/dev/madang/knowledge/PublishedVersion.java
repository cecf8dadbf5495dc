package dev.madang.knowledge;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One published version of an article, as readers saw it. The id is {@code <articleId>:<number>}, so an article's
 * history is read by id and storing the same version twice changes nothing. The article itself carries its newest
 * published version too, which is the truth if a crash came between publishing and storing it here.
 */
@Document("article_versions")
public record PublishedVersion(@Id String id, String articleId, int number, String title, String body,
		String bodyHtml, List<String> tags, String publishedBy, Instant publishedAt) {

	static PublishedVersion of(String articleId, int number, String title, String body, String bodyHtml,
			List<String> tags, String publishedBy, Instant publishedAt) {
		return new PublishedVersion(idFor(articleId, number), articleId, number, title, body, bodyHtml,
				(tags != null) ? List.copyOf(tags) : List.of(), publishedBy, publishedAt);
	}

	static String idFor(String articleId, int number) {
		return articleId + ":" + number;
	}

}
