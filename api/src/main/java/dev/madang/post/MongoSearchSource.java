package dev.madang.post;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The {@code indexPending} protocol on a collection of {@link Searchable} documents: every change that affects the
 * copy increments {@code version} and sets {@code indexPending} in the same update; the indexer clears the mark only
 * for the version it indexed. The owning module extends this with what its documents look like in the index.
 */
public abstract class MongoSearchSource implements SearchSource {

	private final ReactiveMongoTemplate mongo;

	private final Class<? extends Searchable> type;

	protected MongoSearchSource(ReactiveMongoTemplate mongo, Class<? extends Searchable> type) {
		this.mongo = mongo;
		this.type = type;
	}

	private static Query pendingQuery() {
		return Query.query(Criteria.where("indexPending").is(true));
	}

	@Override
	public Flux<? extends Searchable> find(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Flux.empty();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), this.type);
	}

	@Override
	public Flux<? extends Searchable> pending() {
		return this.mongo.find(pendingQuery(), this.type);
	}

	@Override
	public Flux<? extends Searchable> all() {
		return this.mongo.find(new Query(), this.type);
	}

	@Override
	public Flux<Versioned> versions() {
		Query versions = new Query();
		versions.fields().include("version");
		return this.mongo.find(versions, Document.class, this.mongo.getCollectionName(this.type))
			.map((stored) -> new Versioned(String.valueOf(stored.get("_id")),
					stored.get("version", Number.class).longValue()));
	}

	@Override
	public Mono<Long> countPending() {
		return this.mongo.count(pendingQuery(), this.type);
	}

	@Override
	public Mono<Instant> oldestPending() {
		Query oldest = Query.of(pendingQuery()).with(Sort.by("updatedAt")).limit(1);
		oldest.fields().include("updatedAt");
		return this.mongo.findOne(oldest, Document.class, this.mongo.getCollectionName(this.type))
			.mapNotNull((stored) -> stored.get("updatedAt", Date.class))
			.map(Date::toInstant);
	}

	@Override
	public Mono<Long> markAllPending() {
		return this.mongo.updateMulti(Query.query(Criteria.where("indexPending").is(false)),
				new Update().set("indexPending", true), this.type)
			.map((marked) -> marked.getModifiedCount());
	}

	@Override
	public Mono<Void> markIndexed(Map<String, Long> versions) {
		if (versions.isEmpty()) {
			return Mono.empty();
		}
		// One round trip for the batch; each mark holds only if the document is still at the version indexed.
		var bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, this.type);
		versions.forEach((id, version) -> bulk.updateOne(
				Query.query(Criteria.where("_id").is(id).and("version").is(version)),
				new Update().set("indexPending", false).set("indexedVersion", version)));
		return bulk.execute().then();
	}

	/** The collection's name, for log lines. */
	@Override
	public String toString() {
		return this.mongo.getCollectionName(this.type);
	}

	/** What a batch of this source's documents is, for subclasses turning it into index documents. */
	@SuppressWarnings("unchecked")
	protected static <T> List<T> cast(List<? extends Searchable> batch) {
		return (List<T>) batch;
	}

}
