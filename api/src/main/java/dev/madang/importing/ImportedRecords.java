package dev.madang.importing;

import java.time.Clock;

import dev.madang.tag.TagRegistry;
import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.thread.ThreadService;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Stores imported records by their import key: created once, found again on every later run. */
@Component
class ImportedRecords {

	private final ReactiveMongoTemplate mongo;

	private final TagRegistry tags;

	private final Outbox outbox;

	private final ThreadService threads;

	private final Clock clock;

	ImportedRecords(ReactiveMongoTemplate mongo, TagRegistry tags, Outbox outbox, Clock clock, ThreadService threads) {
		this.threads = threads;
		this.mongo = mongo;
		this.tags = tags;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Ends an import: the imported questions' tags are registered (members use them without the create-tag privilege)
	 * and {@code questions.imported} is recorded, so the indexer sweeps for the new threads at once.
	 */
	Mono<Void> finish(String site) {
		return this.tags.registerInUse(this.threads.tagsInUse(), "import:" + site)
			.then(this.outbox.publish(DomainEvent.of(EventType.QUESTIONS_IMPORTED, site, null, null,
					this.clock.instant(), "site", site)));
	}

	/** Creates the document with this import key unless it exists; returns its id either way. */
	Mono<String> upsert(String collection, String importKey, Update create) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("importKey").is(importKey)), create,
					FindAndModifyOptions.options().upsert(true).returnNew(true), org.bson.Document.class, collection)
			.map((document) -> document.getObjectId("_id").toHexString())
			// Two concurrent first imports of one key: the loser finds the winner's document.
			.retryWhen(Retry.max(3).filter(DuplicateKeyException.class::isInstance));
	}

}
