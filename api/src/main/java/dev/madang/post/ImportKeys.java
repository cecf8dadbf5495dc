package dev.madang.post;

import dev.madang.events.DomainEvent;
import dev.madang.events.Outbox;
import org.bson.Document;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Imported posts are found by their import key (site and original id): the first run creates each, every later run
 * finds it again and changes nothing ({@code $setOnInsert}), so an import can be repeated or resumed. The post's
 * event is stored the same way, so it is recorded exactly when the post is created.
 */
@Component
public class ImportKeys {

	private final ReactiveMongoTemplate mongo;

	private final Outbox outbox;

	ImportKeys(ReactiveMongoTemplate mongo, Outbox outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	/**
	 * Creates the document of {@code type} with this import key unless it exists, with {@code created} as its event
	 * when it is new; returns its id either way.
	 */
	public Mono<String> create(Class<?> type, String importKey, Update fields, DomainEvent created) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("importKey").is(importKey)), Outbox.onInsert(fields, created),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class,
					this.mongo.getCollectionName(type))
			// Two concurrent first imports of one key: the loser finds the winner's document.
			.retryWhen(Retry.max(3).filter(DuplicateKeyException.class::isInstance))
			.flatMap((stored) -> this.outbox.relayStored(type, stored)
				.thenReturn(stored.getObjectId("_id").toHexString()));
	}

}
