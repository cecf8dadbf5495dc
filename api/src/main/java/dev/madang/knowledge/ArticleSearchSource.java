package dev.madang.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.madang.events.DomainEvent;
import dev.madang.markdown.MarkdownRenderer;
import dev.madang.post.MongoSearchSource;
import dev.madang.post.Searchable;
import dev.madang.search.index.PostDocument;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Articles as the search index holds them: the published version ({@code kind: article}, its language as status), or
 * a removal while an article has none or is archived. Publishing and archiving change it.
 */
@Component
@Order(2)
class ArticleSearchSource extends MongoSearchSource {

	ArticleSearchSource(ReactiveMongoTemplate mongo) {
		super(mongo, Article.class);
	}

	@Override
	public Collection<String> changedBy(DomainEvent event) {
		return event.type().startsWith("article.") ? Set.of(event.subject()) : Set.of();
	}

	@Override
	public Mono<List<PostDocument>> documents(List<? extends Searchable> batch) {
		List<Article> articles = cast(batch);
		return Mono.just(articles.stream().map(ArticleSearchSource::toDocument).toList());
	}

	private static PostDocument toDocument(Article article) {
		if (!article.isPublic()) {
			return PostDocument.removal(article.getId(), article.getVersion());
		}
		PublishedVersion published = article.getPublished();
		return PostDocument.article(article.getId(), article.getVersion(), published.title(),
				MarkdownRenderer.plainText(published.body(), "markdown"), published.tags(), article.getProductArea(),
				article.getLocale(), published.publishedAt());
	}

}
