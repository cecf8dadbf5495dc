package dev.madang.events;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How a module records events with its changes. MongoDB (and the embedded storage) changes one document atomically,
 * so an event is written into the changed document's {@code outbox} array by the same update or insert; once that
 * write succeeded the relay appends it to the {@link EventLog} and pulls it from the outbox. A crash in between leaves
 * it in the outbox, where the {@link OutboxSweeper} finds it at the next start (or sweep) and appends it then: an event
 * is never lost with its write, and never recorded for a write that did not happen.
 */
@Component
public class Outbox {

	static final String FIELD = "outbox";

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private final ReactiveMongoTemplate mongo;

	private final EventLog events;

	private final OutboxSweeper sweeper;

	Outbox(ReactiveMongoTemplate mongo, EventLog events, OutboxSweeper sweeper) {
		this.mongo = mongo;
		this.events = events;
		this.sweeper = sweeper;
	}

	/** Adds the events to an update, so they are stored by the same atomic write as the change. */
	public static Update with(Update update, DomainEvent... events) {
		Object[] entries = java.util.Arrays.stream(events).map(Outbox::entry).toArray();
		if (entries.length == 1) {
			return update.push(FIELD, entries[0]);
		}
		return update.push(FIELD).each(entries);
	}

	/**
	 * Inserts {@code entity} into its collection with the events {@code eventsFor} makes from its id (a new object id
	 * when it has none), and returns it as stored with those events, to {@link #relay(Recorded)} once the write's
	 * follow-ups are done.
	 */
	@SuppressWarnings("unchecked")
	public <T> Mono<Recorded<T>> insert(T entity, Function<String, List<DomainEvent>> eventsFor) {
		return Mono.defer(() -> {
			Document stored = new Document();
			this.mongo.getConverter().write(entity, stored);
			if (stored.get("_id") == null) {
				stored.put("_id", new ObjectId());
			}
			Object id = stored.get("_id");
			List<DomainEvent> recorded = List.copyOf(eventsFor.apply(id.toString()));
			stored.put(FIELD, recorded.stream().map(Outbox::entry).toList());
			String collection = this.mongo.getCollectionName(entity.getClass());
			return this.mongo.insert(stored, collection)
				.map((inserted) -> new Recorded<>((T) this.mongo.getConverter().read(entity.getClass(), inserted),
						collection, id, recorded));
		});
	}

	/** Inserts {@code entity} with its events and relays them at once. */
	public <T> Mono<T> insertAndRelay(T entity, Function<String, List<DomainEvent>> eventsFor) {
		return insert(entity, eventsFor).flatMap((recorded) -> relay(recorded).thenReturn(recorded.entity()));
	}

	/** An inserted document and the events stored with it, not relayed yet. */
	public record Recorded<T>(T entity, String collection, Object id, List<DomainEvent> events) {
	}

	public Mono<Void> relay(Recorded<?> recorded) {
		return relay(recorded.collection(), recorded.id(), recorded.events());
	}

	/** Relays events written with a change to the document {@code id} of {@code type}'s collection. */
	public Mono<Void> relay(Class<?> type, Object id, DomainEvent... events) {
		return relay(this.mongo.getCollectionName(type), storedId(id), List.of(events));
	}

	/**
	 * Appends the events to the log, then takes them out of the document's outbox. Never fails the caller's write,
	 * which is stored already: a failure leaves them in the outbox and asks for a sweep.
	 */
	public Mono<Void> relay(String collection, Object id, List<DomainEvent> recorded) {
		if (recorded.isEmpty()) {
			return Mono.empty();
		}
		return this.events.moveIn(collection, id, recorded)
			.onErrorResume((failure) -> {
				log.warn("Events {} stay in the outbox of {}/{} until the next sweep: {}",
						recorded.stream().map(DomainEvent::id).toList(), collection, id, failure.toString());
				this.sweeper.requestSoon();
				return Mono.empty();
			});
	}

	/**
	 * Appends an event that belongs to no one document's change (the end of an import, which wrote thousands). If the
	 * process dies first only the notice is lost, never a change: what it announces is stored already.
	 */
	public Mono<Void> publish(DomainEvent event) {
		return this.events.append(event)
			.then()
			.onErrorResume((failure) -> {
				log.warn("Event {} {} was not recorded: {}", event.type(), event.subject(), failure.toString());
				return Mono.empty();
			});
	}

	/**
	 * Relays whatever the stored document's outbox holds: after an upsert that records its event only when it inserts
	 * ({@code $setOnInsert}), an event is there exactly when this write created the document (or a crash left one).
	 */
	public Mono<Void> relayStored(Class<?> type, Document stored) {
		List<Document> entries = stored.getList(FIELD, Document.class);
		if (entries == null || entries.isEmpty()) {
			return Mono.empty();
		}
		return relay(this.mongo.getCollectionName(type), stored.get("_id"), entries.stream().map(Outbox::eventOf).toList());
	}

	/** Adds the event to an upsert so that it is stored only if the upsert inserts the document. */
	public static Update onInsert(Update update, DomainEvent event) {
		return update.setOnInsert(FIELD, List.of(entry(event)));
	}

	/** Entity ids that are object ids in string form are stored as object ids (as Spring Data stores them). */
	private static Object storedId(Object id) {
		return (id instanceof String text && ObjectId.isValid(text)) ? new ObjectId(text) : id;
	}

	static Document entry(DomainEvent event) {
		return new Document("eventId", event.id()).append("type", event.type())
			.append("subject", event.subject())
			.append("threadId", event.threadId())
			.append("actorId", event.actorId())
			.append("at", Date.from(event.at()))
			.append("data", new Document(event.data()));
	}

	static DomainEvent eventOf(Document entry) {
		Date at = entry.getDate("at");
		Document data = entry.get("data", Document.class);
		Map<String, Object> values = (data == null) ? Map.of() : new java.util.LinkedHashMap<>(data);
		return new DomainEvent(entry.getString("eventId"), 0, entry.getString("type"), entry.getString("subject"),
				entry.getString("threadId"), entry.getString("actorId"), (at != null) ? at.toInstant() : Instant.EPOCH,
				values);
	}

}
