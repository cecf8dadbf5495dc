package dev.madang.importing;

import dev.madang.tag.TagRegistry;
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

	ImportedRecords(ReactiveMongoTemplate mongo, TagRegistry tags) {
		this.mongo = mongo;
		this.tags = tags;
	}

	/** Imported questions bring their tags: registered, so members can use them without the create-tag privilege. */
	Mono<Void> registerTags(String site) {
		return this.tags.registerInUse("import:" + site).then();
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
