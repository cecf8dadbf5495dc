package dev.madang.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Finds events left in an outbox (the process died between a write and its relay, or the relay failed) and moves them
 * into the log: everything at start, then every {@code sweep-interval} and soon after a failed relay, only entries old
 * enough that their own relay is not still under way. Appending an event twice keeps one (ids are unique in the log).
 */
@Component
class OutboxSweeper implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

	/** Collections that never carry an outbox. */
	private static final Set<String> OWN = Set.of(EventLog.EVENTS, EventLog.COUNTERS, EventLog.POSITIONS, "leases");

	/** An entry younger than this may still be on its way through its own relay. */
	private static final Duration IN_FLIGHT = Duration.ofSeconds(10);

	private final ReactiveMongoTemplate mongo;

	private final EventLog events;

	private final EventLogProperties settings;

	private final Clock clock;

	private final AtomicBoolean requested = new AtomicBoolean();

	private volatile Disposable loop;

	OutboxSweeper(ReactiveMongoTemplate mongo, EventLog events, EventLogProperties settings, Clock clock) {
		this.mongo = mongo;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/** A relay failed: sweep once the entries it left are past their in-flight time. */
	void requestSoon() {
		if (this.requested.compareAndSet(false, true)) {
			Mono.delay(IN_FLIGHT.plusSeconds(1)).subscribe((tick) -> {
				this.requested.set(false);
				sweep(IN_FLIGHT).subscribe(null, (failure) -> log.warn("Outbox sweep failed: {}", failure.toString()));
			});
		}
	}

	/** Moves every outbox entry older than {@code minimumAge} into the log; returns how many were moved. */
	Mono<Long> sweep(Duration minimumAge) {
		Instant before = this.clock.instant().minus(minimumAge);
		return this.mongo.getCollectionNames()
			.filter((name) -> !OWN.contains(name) && !name.startsWith("system."))
			.concatMap((collection) -> {
				Query leftOver = Query.query(Criteria.where(Outbox.FIELD + ".0").exists(true));
				leftOver.fields().include(Outbox.FIELD);
				return this.mongo.find(leftOver, Document.class, collection)
					.concatMap((owner) -> relayLeftOver(collection, owner, before));
			})
			.reduce(0L, Long::sum)
			.doOnNext((moved) -> {
				if (moved > 0) {
					log.info("Moved {} events left in outboxes into the event log", moved);
				}
			});
	}

	private Mono<Long> relayLeftOver(String collection, Document owner, Instant before) {
		List<DomainEvent> due = owner.getList(Outbox.FIELD, Document.class).stream()
			.filter((entry) -> entry.getDate("at") == null || entry.getDate("at").toInstant().isBefore(before))
			.map(Outbox::eventOf)
			.toList();
		if (due.isEmpty()) {
			return Mono.just(0L);
		}
		return this.events.moveIn(collection, owner.get("_id"), due).thenReturn((long) due.size());
	}

	@Override
	public void start() {
		// Everything at start: no relay of this instance is under way yet.
		this.loop = Flux.concat(Mono.just(Duration.ZERO), Flux.interval(this.settings.sweepInterval()).map((tick) -> IN_FLIGHT))
			.concatMap((age) -> sweep(age).onErrorResume((failure) -> {
				log.warn("Outbox sweep failed, trying again in {}: {}", this.settings.sweepInterval(), failure.toString());
				return Mono.empty();
			}))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable running = this.loop;
		if (running != null) {
			running.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		Disposable running = this.loop;
		return running != null && !running.isDisposed();
	}

	@Override
	public boolean isAutoStartup() {
		return this.settings.enabled();
	}

	/** Before the consumers, so they find what a crash left. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

}
