package dev.madang.indexing;

import java.util.List;
import java.util.UUID;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The ids of threads changed since they were last indexed ({@code indexQueue} collection): small, so the indexer finds
 * fresh work without reading every thread (the embedded storage has no index on {@code indexPending} and answered
 * that query by reading all of them). A hint, not the record: {@code indexPending} on the thread stays the truth, and
 * the slow sweep finds any change whose entry was never written.
 */
@Component
class IndexQueue {

	static final String COLLECTION = "indexQueue";

	private final ReactiveMongoTemplate mongo;

	IndexQueue(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * An entry as read: each write gives it a new token, so removing what was read never removes a newer change.
	 * {@code article} tells a knowledge-base article's id from a thread's.
	 */
	record Entry(String threadId, String token, boolean article) {
	}

	Mono<Void> add(String threadId) {
		return add(threadId, false);
	}

	/** Queues a thread's or an article's id (ids are unique across both: MongoDB object ids). */
	Mono<Void> add(String id, boolean article) {
		Update update = new Update().set("token", UUID.randomUUID().toString());
		if (article) {
			update.set("article", true);
		}
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, COLLECTION).then();
	}

	Mono<List<Entry>> next(int limit) {
		return this.mongo.find(new Query().limit(limit), Document.class, COLLECTION)
			.map((entry) -> new Entry(String.valueOf(entry.get("_id")), entry.getString("token"),
					Boolean.TRUE.equals(entry.getBoolean("article"))))
			.collectList();
	}

	/** Removes the entries as they were read; one changed again meanwhile stays for the next round. */
	Mono<Void> remove(List<Entry> entries) {
		if (entries.isEmpty()) {
			return Mono.empty();
		}
		var bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
		for (Entry entry : entries) {
			bulk.remove(Query.query(Criteria.where("_id").is(entry.threadId()).and("token").is(entry.token())));
		}
		return bulk.execute().then();
	}

}
