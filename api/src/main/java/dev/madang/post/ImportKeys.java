package dev.madang.post;

import org.bson.Document;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Imported posts are found by their import key (site and original id): the first run creates each, every later run
 * finds it again and changes nothing ({@code $setOnInsert}), so an import can be repeated or resumed.
 */
public final class ImportKeys {

	private ImportKeys() {
	}

	/** Creates the document with this import key unless it exists; returns it as stored either way. */
	public static Mono<Document> upsert(ReactiveMongoTemplate mongo, Class<?> type, String importKey, Update create) {
		return mongo
			.findAndModify(Query.query(Criteria.where("importKey").is(importKey)), create,
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class,
					mongo.getCollectionName(type))
			// Two concurrent first imports of one key: the loser finds the winner's document.
			.retryWhen(Retry.max(3).filter(DuplicateKeyException.class::isInstance));
	}

}
