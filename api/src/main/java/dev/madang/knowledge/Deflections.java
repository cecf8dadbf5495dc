package dev.madang.knowledge;

import java.time.Clock;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

	private final Outbox outbox;

	Deflections(ReactiveMongoTemplate mongo, KnowledgeBase knowledgeBase, Clock clock, Outbox outbox) {
		this.mongo = mongo;
		this.knowledgeBase = knowledgeBase;
		this.clock = clock;
		this.outbox = outbox;
	}

	/**
	 * @param where {@code search} or {@code ask}
	 * @param query what the reader had typed
	 * @param reader {@code u:<account>} or {@code b:<browser id>}, or null
	 */
	public Mono<Article> record(String articleId, String where, String query, String reader) {
		return this.knowledgeBase.findReadable(articleId, null)
			.flatMap((article) -> {
				ObjectId id = new ObjectId();
				java.time.Instant now = this.clock.instant();
				String typed = (query == null) ? "" : query.strip();
				DomainEvent deflected = DomainEvent.of(EventType.ARTICLE_DEFLECTED, articleId, null, null, now, "where",
						where, "query", typed.substring(0, Math.min(200, typed.length())), "area", article.getProductArea(),
						"title", article.getTitle());
				Update click = new Update().set("articleId", articleId)
					.set("where", where)
					.set("query", typed)
					.set("reader", reader)
					.set("at", now);
				// The click and its event in one write: an upsert of a new id with the event in its outbox.
				return this.mongo.upsert(Query.query(Criteria.where("_id").is(id)), Outbox.with(click, deflected),
						COLLECTION)
					.then(this.outbox.relay(COLLECTION, id, java.util.List.of(deflected)))
					.thenReturn(article);
			});
	}

}
