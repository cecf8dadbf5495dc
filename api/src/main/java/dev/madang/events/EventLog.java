package dev.madang.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The durable log of domain events ({@code events} collection): each event once, at a position taken from a counter,
 * stored under that position as its {@code _id} so a consumer reads the next batch by id (the embedded storage reads
 * the whole collection for any other query). An event id is unique in the log, so moving an event from a change's
 * outbox twice (the relay and the sweep, or a retry after a crash) keeps one; the position the repeat took is written
 * as a burned placeholder so readers need not wait for it.
 */
@Component
public class EventLog {

	static final String EVENTS = "events";

	static final String COUNTERS = "counters";

	static final String POSITIONS = "event_positions";

	private static final String COUNTER_ID = "events";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final Sinks.Many<Long> appended = Sinks.many().multicast().directBestEffort();

	private final Mono<Void> uniqueEventIds;

	EventLog(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		this.uniqueEventIds = mongo.indexOps(EVENTS)
			.createIndex(new Index().on("eventId", Sort.Direction.ASC).unique().named("eventId"))
			.then()
			.cache((done) -> Duration.ofDays(36500), (failure) -> Duration.ZERO, () -> Duration.ofDays(36500));
	}

	/** The {@code _id} of the event at {@code position}: zero-padded, so ids sort as positions do. */
	static String key(long position) {
		return String.format("%015d", position);
	}

	/**
	 * Appends the event and returns its position; empty when an event with its id is in the log already. An error
	 * means it may or may not be there: appending again is always safe.
	 */
	Mono<Long> append(DomainEvent event) {
		return this.uniqueEventIds.then(nextPosition()).flatMap((position) -> {
			Document stored = Outbox.entry(event).append("_id", key(position)).append("seq", position)
				.append("recordedAt", Date.from(this.clock.instant()));
			return this.mongo.insert(stored, EVENTS)
				.thenReturn(position)
				.onErrorResume(DuplicateKeyException.class, (repeat) -> burn(position).then(Mono.empty()));
		}).doOnNext(this::announce);
	}

	/**
	 * Moves events written with a change into the log: appends each (a repeat keeps one), then pulls them from the
	 * outbox of the document {@code id} of {@code collection}. The relay and the sweep both end here.
	 */
	Mono<Void> moveIn(String collection, Object id, List<DomainEvent> recorded) {
		List<String> eventIds = recorded.stream().map(DomainEvent::id).toList();
		return Flux.fromIterable(recorded)
			.concatMap(this::append)
			.then(this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
					new Update().pull(Outbox.FIELD, new Document("eventId", new Document("$in", eventIds))), collection))
			.then();
	}

	private Mono<Long> nextPosition() {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(COUNTER_ID)), new Update().inc("seq", 1L),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTERS)
			.map((counter) -> ((Number) counter.get("seq")).longValue())
			// Two first appends at once: one upsert collides with the other's insert and simply goes again.
			.retryWhen(Retry.max(3).filter(DuplicateKeyException.class::isInstance));
	}

	/** Fills a position taken by an event that turned out to be in the log already. */
	private Mono<Void> burn(long position) {
		return this.mongo.insert(new Document("_id", key(position)).append("seq", position)
			.append("eventId", "burned:" + position).append("burned", true), EVENTS).then().onErrorComplete();
	}

	/** The position of the newest event (0 for an empty log). */
	public Mono<Long> head() {
		return this.mongo.findById(COUNTER_ID, Document.class, COUNTERS)
			.map((counter) -> ((Number) counter.get("seq")).longValue())
			.defaultIfEmpty(0L);
	}

	/**
	 * The entries at positions {@code after + 1 … after + limit} that exist, in order. Burned positions come back as
	 * entries without a type (they exist, so readers move past them); a position taken but never written is missing.
	 */
	Flux<Entry> read(long after, int limit) {
		List<String> ids = new ArrayList<>(limit);
		for (long position = after + 1; position <= after + limit; position++) {
			ids.add(key(position));
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, EVENTS)
			.map(EventLog::entryOf)
			.sort(Comparator.comparingLong(Entry::position));
	}

	/** The event with this id, if the log has it (for redelivering a past event). */
	public Mono<DomainEvent> find(String eventId) {
		return this.mongo.findOne(Query.query(Criteria.where("eventId").is(eventId)), Document.class, EVENTS)
			.map(EventLog::entryOf)
			.filter((entry) -> entry.event() != null)
			.map(Entry::event);
	}

	/** The events after {@code after}, oldest first, at most {@code limit} (burned positions skipped). */
	public Flux<DomainEvent> since(long after, int limit) {
		return read(after, limit).filter((entry) -> entry.event() != null).map(Entry::event);
	}

	/** A position in the log as read: its event, or null for a burned position, and when it was written. */
	record Entry(long position, DomainEvent event, Instant recordedAt) {
	}

	private static Entry entryOf(Document stored) {
		long position = ((Number) stored.get("seq")).longValue();
		Date recorded = stored.getDate("recordedAt");
		Instant recordedAt = (recorded != null) ? recorded.toInstant() : Instant.EPOCH;
		if (Boolean.TRUE.equals(stored.getBoolean("burned"))) {
			return new Entry(position, null, recordedAt);
		}
		return new Entry(position, Outbox.eventOf(stored).at(position), recordedAt);
	}

	/** The sink takes one signal at a time; appends finish on many threads. */
	private synchronized void announce(long position) {
		this.appended.tryEmitNext(position);
	}

	/** Tells this instance's consumers that something was appended (others find it on their next poll). */
	Flux<Long> appended() {
		return this.appended.asFlux();
	}

	/** Where {@code consumer} stands: the position of the last event it handled, empty if it never ran. */
	public Mono<Long> position(String consumer) {
		return this.mongo.findById(consumer, Document.class, POSITIONS)
			.map((stored) -> ((Number) stored.get("position")).longValue());
	}

	/** Sets {@code consumer} back to the start: it handles every event again (its handling is idempotent). */
	public Mono<Void> replay(String consumer) {
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(consumer)),
				new Update().set("position", 0L).set("updatedAt", Date.from(this.clock.instant())), POSITIONS)
			.then();
	}

	/** Creates the consumer's position (at the start, or at the head) unless it has one; returns the position. */
	Mono<Long> start(String consumer, boolean fromFirstEvent) {
		return position(consumer).switchIfEmpty(Mono.defer(() -> (fromFirstEvent ? Mono.just(0L) : head())
			.flatMap((start) -> this.mongo
				.insert(new Document("_id", consumer).append("position", start)
					.append("updatedAt", Date.from(this.clock.instant())), POSITIONS)
				.thenReturn(start)
				.onErrorResume(DuplicateKeyException.class, (raced) -> position(consumer)))));
	}

	/**
	 * Moves the consumer from {@code from} to {@code to}, only if it is still at {@code from}: false when another
	 * instance (or a replay) moved it meanwhile, so this one stops rather than handle the events again.
	 */
	Mono<Boolean> advance(String consumer, long from, long to) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(consumer).and("position").is(from)),
					new Update().set("position", to).set("updatedAt", Date.from(this.clock.instant())), POSITIONS)
			.map((result) -> result.getModifiedCount() > 0);
	}

}
