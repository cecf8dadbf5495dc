package dev.madang.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.madang.lease.JobLease;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.Deadline;
import dev.madang.support.QaSteps;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The event log through the real application and storage: recording with the write, sweeping, consuming. */
class EventLogTest extends ApiIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	private EventLog log;

	@Autowired
	private Outbox outbox;

	@Autowired
	private OutboxSweeper sweeper;

	@Autowired
	private Clock clock;

	@Test
	void whatMembersDoIsRecordedOnceEachInTheOrderItHappened() {
		long before = this.log.head().block();
		WebTestClient asker = as(userWithReputation(200));
		WebTestClient helper = as(userWithReputation(200));
		String threadId = QaSteps.ask(asker, "Why does my grinder stall on light roasts?");
		String answerId = QaSteps.answer(helper, threadId, "Clean the burrs; light roasts are harder.");
		QaSteps.voteOnAnswer(asker, answerId, 1).expectStatus().isOk();
		QaSteps.accept(asker, threadId, answerId).expectStatus().isOk();

		List<DomainEvent> recorded = this.log.since(before, 1000)
			.filter((event) -> !event.is(EventType.REPUTATION_CHANGED)
					&& (threadId.equals(event.threadId()) || answerId.equals(event.text("postId"))))
			.collectList().block();
		assertThat(recorded).extracting(DomainEvent::type).containsExactly(EventType.QUESTION_ASKED,
				EventType.ANSWER_POSTED, EventType.VOTE_CAST, EventType.ANSWER_ACCEPTED);
		assertThat(recorded.get(0).subject()).isEqualTo(threadId);
		assertThat(recorded.get(1).subject()).isEqualTo(answerId);
		assertThat(recorded.get(3).text("answerId")).isEqualTo(answerId);
		assertThat(recorded).extracting(DomainEvent::seq).isSorted().doesNotHaveDuplicates();
		// The vote and the acceptance changed reputation: those are events too, each under its own cause.
		assertThat(this.log.since(before, 1000).filter((event) -> event.is(EventType.REPUTATION_CHANGED)
				&& answerId.equals(event.text("postId"))).count().block()).isGreaterThanOrEqualTo(2);
		// Nothing is left in the outboxes of what was written.
		assertThat(this.mongo.findById(new org.bson.types.ObjectId(threadId), Document.class, "threads").block()
			.getList(Outbox.FIELD, Document.class)).isEmpty();
	}

	@Test
	void theHealthEndpointShowsHowFarEachConsumerIsBehind() {
		String threadId = QaSteps.ask(asMember(), "Does the kettle scale affect the thermostat?");
		Deadline.eventually(WAIT, () -> this.http.get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.components.events.status").isEqualTo("UP")
			.jsonPath("$.components.events.details.head").value((head) -> assertThat(((Number) head).longValue()).isPositive())
			.jsonPath("$.components.events.details.consumersBehind['knowledge-source-watch']").exists()
			// The question just asked is indexed once the search consumer has caught up with it.
			.jsonPath("$.components.events.details.consumersBehind['search-index']").isEqualTo(0));
		assertThat(threadId).isNotBlank();
	}

	@Test
	void anEventLeftInAnOutboxIsMovedByTheSweepAndRecordedOnceHoweverOftenItIsMoved() {
		DomainEvent event = DomainEvent.of("test.left-over", "doc-1", null, null, Instant.now().minusSeconds(60));
		String docId = UUID.randomUUID().toString();
		this.mongo.upsert(Query.query(Criteria.where("_id").is(docId)), Outbox.with(new Update().set("n", 1), event),
				"outbox_test").block();

		assertThat(this.sweeper.sweep(Duration.ZERO).block()).isGreaterThanOrEqualTo(1);
		// A relay that had appended before the crash comes again, and a second sweep finds nothing more to move.
		this.outbox.relay("outbox_test", docId, List.of(event)).block();
		this.sweeper.sweep(Duration.ZERO).block();

		assertThat(recordedWithId(event.id())).hasSize(1);
		assertThat(this.mongo.findById(docId, Document.class, "outbox_test").block().getList(Outbox.FIELD, Document.class))
			.isEmpty();
	}

	@Test
	void aFailingConsumerRetriesWithBackoffAndTheOthersGoOn() {
		String marker = "test.backoff." + UUID.randomUUID();
		List<Instant> attempts = new CopyOnWriteArrayList<>();
		List<String> failingSaw = new CopyOnWriteArrayList<>();
		List<String> healthySaw = new CopyOnWriteArrayList<>();
		EventConsumer failing = consumer("failing-" + marker, marker, (events) -> {
			attempts.add(Instant.now());
			if (attempts.size() <= 3) {
				return Mono.error(new IllegalStateException("down for now"));
			}
			events.forEach((event) -> failingSaw.add(event.id()));
			return Mono.empty();
		});
		EventConsumer healthy = consumer("healthy-" + marker, marker, (events) -> {
			events.forEach((event) -> healthySaw.add(event.id()));
			return Mono.empty();
		});
		EventDispatcher dispatcher = dispatcher(List.of(failing, healthy));
		dispatcher.start();
		try {
			List<String> ids = append(marker, 20);
			Deadline.awaitTrue(WAIT, () -> healthySaw.size() == 20, "the healthy consumer handled all 20");
			assertThat(failingSaw).as("the failing one is still waiting").isEmpty();
			Deadline.awaitTrue(WAIT, () -> failingSaw.size() == 20, "the failing consumer caught up");

			assertThat(healthySaw).containsExactlyElementsOf(ids);
			assertThat(failingSaw).containsExactlyElementsOf(ids);
			// Waits of 200, 400, 800 ms between the attempts: the backoff doubles.
			assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(180));
			assertThat(Duration.between(attempts.get(2), attempts.get(3))).isGreaterThanOrEqualTo(Duration.ofMillis(700));
		}
		finally {
			dispatcher.stop();
		}
	}

	@Test
	void replayFromTheStartRebuildsAConsumersState() {
		String marker = "test.replay." + UUID.randomUUID();
		Map<String, Integer> tally = new ConcurrentHashMap<>();
		AtomicInteger handled = new AtomicInteger();
		EventConsumer counting = consumer("tally-" + marker, marker, (events) -> {
			// Idempotent by design: the state is a function of the events, not of how often they came.
			events.forEach((event) -> {
				tally.put(event.id(), event.number("n"));
				handled.incrementAndGet();
			});
			return Mono.empty();
		});
		EventDispatcher dispatcher = dispatcher(List.of(counting));
		dispatcher.start();
		try {
			append(marker, 30);
			Deadline.awaitTrue(WAIT, () -> tally.size() == 30, "30 events tallied");
			Map<String, Integer> first = Map.copyOf(tally);

			tally.clear();
			this.log.replay(counting.name()).block();
			Deadline.awaitTrue(WAIT, () -> handled.get() >= 60, "the replay handled the 30 again");

			assertThat(tally).isEqualTo(first);
		}
		finally {
			dispatcher.stop();
		}
	}

	@Test
	void twoInstancesNeverHandleOneEventTwiceForTheSameConsumer() {
		String marker = "test.instances." + UUID.randomUUID();
		String name = "shared-" + marker;
		Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
		List<EventConsumer> instances = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			instances.add(consumer(name, marker, (events) -> {
				events.forEach((event) -> deliveries.computeIfAbsent(event.id(), (id) -> new AtomicInteger()).incrementAndGet());
				return Mono.delay(Duration.ofMillis(5)).then();
			}));
		}
		EventDispatcher first = dispatcher(List.of(instances.get(0)));
		EventDispatcher second = dispatcher(List.of(instances.get(1)));
		first.start();
		second.start();
		try {
			List<String> ids = new ArrayList<>(append(marker, 150));
			Deadline.awaitTrue(WAIT, () -> deliveries.size() >= 100, "100 handled");
			// One instance goes away cleanly (its lease given up); the other carries on from the stored position.
			first.stop();
			ids.addAll(append(marker, 150));
			Deadline.awaitTrue(WAIT, () -> deliveries.size() == 300, "all 300 handled");

			assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(ids);
			assertThat(deliveries.values()).allSatisfy((count) -> assertThat(count.get()).isEqualTo(1));
		}
		finally {
			first.stop();
			second.stop();
		}
	}

	@Test
	void aPositionTakenButNeverWrittenIsPassedAfterTheGapTimeout() {
		String marker = "test.gap." + UUID.randomUUID();
		List<String> saw = Collections.synchronizedList(new ArrayList<>());
		EventConsumer consumer = consumer("gap-" + marker, marker, (events) -> {
			events.forEach((event) -> saw.add(event.id()));
			return Mono.empty();
		});
		EventDispatcher dispatcher = dispatcher(List.of(consumer));
		dispatcher.start();
		try {
			List<String> ids = new ArrayList<>(append(marker, 1));
			Deadline.awaitTrue(WAIT, () -> saw.size() == 1, "the first event handled");
			// An appender that took a position and died before writing it.
			this.mongo.findAndModify(Query.query(Criteria.where("_id").is("events")), new Update().inc("seq", 1L),
					Document.class, EventLog.COUNTERS).block();
			ids.addAll(append(marker, 1));

			Deadline.awaitTrue(WAIT, () -> saw.size() == 2, "the event after the hole handled");
			assertThat(saw).containsExactlyElementsOf(ids);
		}
		finally {
			dispatcher.stop();
		}
	}

	private List<String> append(String type, int count) {
		return Flux.range(0, count)
			.concatMap((n) -> {
				DomainEvent event = DomainEvent.of(type, "s" + n, null, null, Instant.now(), "n", n);
				return this.log.append(event).thenReturn(event.id());
			})
			.collectList()
			.block(WAIT);
	}

	private List<Document> recordedWithId(String eventId) {
		return this.mongo.find(Query.query(Criteria.where("eventId").is(eventId)), Document.class, EventLog.EVENTS)
			.collectList().block();
	}

	private EventDispatcher dispatcher(List<EventConsumer> consumers) {
		EventLogProperties settings = new EventLogProperties(true, 50, Duration.ofMillis(100), Duration.ofMillis(200),
				Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(5));
		return new EventDispatcher(consumers, this.log, new JobLease(this.mongo, this.clock), settings, this.clock);
	}

	private static EventConsumer consumer(String name, String type,
			java.util.function.Function<List<DomainEvent>, Mono<Void>> handler) {
		return new EventConsumer() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public boolean wants(DomainEvent event) {
				return event.is(type);
			}

			@Override
			public Mono<Void> handle(List<DomainEvent> events) {
				return handler.apply(events);
			}

		};
	}

}
