package dev.madang.knowledge;

import java.time.Clock;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A reader said an article answered their question from search results or while asking: a support question that was
 * never asked. Stored one event per click ({@code deflections}) for the owners' figures.
 */
@Component
public class Deflections {

	static final String COLLECTION = "deflections";

	private final ReactiveMongoTemplate mongo;

	private final KnowledgeBase knowledgeBase;

	private final Clock clock;

	Deflections(ReactiveMongoTemplate mongo, KnowledgeBase knowledgeBase, Clock clock) {
		this.mongo = mongo;
		this.knowledgeBase = knowledgeBase;
		this.clock = clock;
	}

	/**
	 * @param where {@code search} or {@code ask}
	 * @param query what the reader had typed
	 * @param reader {@code u:<account>} or {@code b:<browser id>}, or null
	 */
	public Mono<Article> record(String articleId, String where, String query, String reader) {
		return this.knowledgeBase.findReadable(articleId, null)
			.flatMap((article) -> this.mongo.insert(new Document("articleId", articleId).append("where", where)
				.append("query", (query == null) ? "" : query.strip())
				.append("reader", reader)
				.append("at", java.util.Date.from(this.clock.instant())), COLLECTION).thenReturn(article));
	}

}
