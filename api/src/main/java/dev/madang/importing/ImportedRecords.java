package dev.madang.importing;

import dev.madang.tag.TagRegistry;
import dev.madang.thread.ThreadChanged;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.context.ApplicationEventPublisher;
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

	private final ApplicationEventPublisher events;

	ImportedRecords(ReactiveMongoTemplate mongo, TagRegistry tags, ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.tags = tags;
		this.events = events;
	}

	/**
	 * Ends an import: the imported questions' tags are registered (members use them without the create-tag privilege)
	 * and the indexer is woken for the new threads instead of waiting for its next sweep.
	 */
	Mono<Void> finish(String site) {
		return this.tags.registerInUse("import:" + site)
			.doOnSuccess((registered) -> this.events.publishEvent(new ThreadChanged("import:" + site)))
			.then();
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
