package dev.madang.knowledge;

import java.util.List;
import java.util.Map;

import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * An article's published versions ({@code article_versions}, each stored once and never changed): the list, one
 * version, and the difference between two (0: the working copy). The newest is read from the article itself when
 * storing it was interrupted.
 */
@Component
public class ArticleVersions {

	private final ReactiveMongoTemplate mongo;

	ArticleVersions(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The published versions, newest first; the newest is read from the article if storing it was interrupted. */
	public Mono<List<PublishedVersion>> versions(String id) {
		return article(id).flatMap((article) -> this.mongo
			.find(Query.query(Criteria.where("articleId").is(id)), PublishedVersion.class)
			.collectList()
			.map((stored) -> {
				Map<Integer, PublishedVersion> byNumber = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
				stored.forEach((version) -> byNumber.put(version.number(), version));
				if (article.getPublished() != null) {
					byNumber.putIfAbsent(article.getPublished().number(), article.getPublished());
				}
				return List.copyOf(byNumber.values());
			}));
	}

	/** One published version. */
	public Mono<PublishedVersion> version(Article article, int number) {
		if (article.getPublished() != null && article.getPublished().number() == number) {
			return Mono.just(article.getPublished());
		}
		return this.mongo.findById(PublishedVersion.idFor(article.getId(), number), PublishedVersion.class)
			.switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "version-not-found",
					"Version not found", "Article " + article.getId() + " has no published version " + number + ".")));
	}

	/** What changed from version {@code from} to version {@code to} (0 or less: the working copy). */
	public Mono<dev.madang.revision.RevisionDiff> diff(String id, int from, int to) {
		return article(id).flatMap((article) -> Mono.zip(asRevision(article, from), asRevision(article, to))
			.map((pair) -> dev.madang.revision.RevisionDiff.between(pair.getT1(), pair.getT2())));
	}

	private Mono<dev.madang.revision.Revision> asRevision(Article article, int number) {
		if (number <= 0) {
			return Mono.just(dev.madang.revision.Revision.of(article.getId(), "article", 0, article.getUpdatedBy(),
					article.getTitle(), article.getTags(), article.getBody(), "markdown", "", article.getUpdatedAt()));
		}
		return version(article, number).map((version) -> dev.madang.revision.Revision.of(article.getId(), "article",
				number, version.publishedBy(), version.title(), version.tags(), version.body(), "markdown", "",
				version.publishedAt()));
	}

	/** Stores a published version unless it is stored already (it never changes once published). */
	Mono<Void> keep(PublishedVersion version) {
		if (version == null) {
			return Mono.empty();
		}
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(version.id())),
				new Update().setOnInsert("articleId", version.articleId()).setOnInsert("number", version.number())
					.setOnInsert("title", version.title()).setOnInsert("body", version.body())
					.setOnInsert("bodyHtml", version.bodyHtml()).setOnInsert("tags", version.tags())
					.setOnInsert("publishedBy", version.publishedBy()).setOnInsert("publishedAt", version.publishedAt()),
				PublishedVersion.class).then();
	}

	private Mono<Article> article(String id) {
		return this.mongo.findById(id, Article.class).switchIfEmpty(Mono.error(() -> KnowledgeBase.notFound(id)));
	}

}
