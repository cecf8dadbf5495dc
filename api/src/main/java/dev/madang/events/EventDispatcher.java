package dev.madang.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.madang.lease.JobLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link EventConsumer}: each on its own loop under its own lease (one instance at a time), from its stored
 * position, a batch at a time; the position moves only after the batch was handled, and only from where this instance
 * read it. A failing consumer waits (doubling up to {@code max-backoff}) and retries the same events; the others go on.
 */
@Component
class EventDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

	private static final int QUIET_FAILURES = 3;

	private final List<EventConsumer> consumers;

	private final EventLog events;

	private final JobLease lease;

	private final EventLogProperties settings;

	private final Clock clock;

	private final Map<String, Progress> progress = new ConcurrentHashMap<>();

	private final List<Disposable> loops = new ArrayList<>();

	/** Rounds under way; stopping waits for them, so a batch handled is never left without its position. */
	private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

	private volatile boolean stopping;

	EventDispatcher(List<EventConsumer> consumers, EventLog events, JobLease lease, EventLogProperties settings,
			Clock clock) {
		this.consumers = consumers;
		this.events = events;
		this.lease = lease;
		this.settings = settings;
		this.clock = clock;
	}

	/** A consumer's state in this instance: failures, when it may try again, and a gap it waits on. */
	private static final class Progress {

		volatile int failures;

		volatile Instant nextAttemptAt = Instant.EPOCH;

		volatile long gapAt = -1;

		volatile Instant gapSince;

		volatile String lastReported;

	}

	@Override
	public synchronized void start() {
		this.stopping = false;
		for (EventConsumer consumer : this.consumers) {
			Progress state = this.progress.computeIfAbsent(consumer.name(), (name) -> new Progress());
			this.loops.add(Flux.merge(Flux.interval(Duration.ZERO, this.settings.pollInterval()), this.events.appended())
				.onBackpressureDrop()
				.concatMap((signal) -> round(consumer, state), 1)
				.subscribe(null, (failure) -> log.error("Event consumer {} stopped; restart the application",
						consumer.name(), failure)));
		}
	}

	private Mono<Void> round(EventConsumer consumer, Progress state) {
		if (this.stopping || this.clock.instant().isBefore(state.nextAttemptAt)) {
			return Mono.empty();
		}
		return Mono.defer(() -> {
			if (this.stopping) {
				return Mono.<Void>empty();
			}
			this.inFlight.incrementAndGet();
			return leased(consumer, state).doFinally((signal) -> this.inFlight.decrementAndGet());
		});
	}

	private Mono<Void> leased(EventConsumer consumer, Progress state) {
		return this.lease.acquire(leaseName(consumer), this.settings.leaseTime())
			.filter(Boolean::booleanValue)
			.flatMap((held) -> this.events.start(consumer.name(), consumer.startsFromFirstEvent()))
			.flatMap((position) -> drain(consumer, state, position))
			.doOnSuccess((done) -> recovered(consumer, state))
			.onErrorResume((failure) -> {
				failed(consumer, state, failure);
				return Mono.empty();
			});
	}

	/** Batch after batch until the log is read to its end (or the position moved elsewhere). */
	private Mono<Void> drain(EventConsumer consumer, Progress state, long from) {
		return batch(consumer, state, from)
			.expand((next) -> (next.full()) ? batch(consumer, state, next.position()) : Mono.empty())
			.then();
	}

	private record Step(long position, boolean full) {
	}

	private Mono<Step> batch(EventConsumer consumer, Progress state, long from) {
		int size = this.settings.batchSize();
		return this.events.read(from, size).collectList().flatMap((read) -> readable(from, read, state).flatMap((entries) -> {
			if (entries.isEmpty()) {
				return Mono.<Step>empty();
			}
			long to = entries.get(entries.size() - 1).position();
			List<DomainEvent> wanted = entries.stream()
				.map(EventLog.Entry::event)
				.filter((event) -> event != null && consumer.wants(event))
				.toList();
			Mono<Void> handled = wanted.isEmpty() ? Mono.empty() : consumer.handle(wanted);
			return handled.then(this.events.advance(consumer.name(), from, to))
				.flatMap((moved) -> moved ? Mono.just(new Step(to, to - from >= size)) : Mono.<Step>empty());
		}));
	}

	/**
	 * The entries that follow {@code from} without a hole. A hole is a position taken by an append still under way (or
	 * whose writer died): it is waited for up to {@code gap-timeout}, then passed.
	 */
	private Mono<List<EventLog.Entry>> readable(long from, List<EventLog.Entry> read, Progress state) {
		List<EventLog.Entry> contiguous = new ArrayList<>();
		long expected = from + 1;
		for (EventLog.Entry entry : read) {
			if (entry.position() != expected) {
				break;
			}
			contiguous.add(entry);
			expected++;
		}
		if (!contiguous.isEmpty()) {
			return Mono.just(contiguous);
		}
		long hole = from + 1;
		Mono<Long> beyond = read.isEmpty() ? this.events.head() : Mono.just(read.get(0).position());
		return beyond.map((next) -> {
			if (next < hole) {
				return List.<EventLog.Entry>of();
			}
			Instant now = this.clock.instant();
			if (state.gapAt != hole) {
				state.gapAt = hole;
				state.gapSince = now;
			}
			if (Duration.between(state.gapSince, now).compareTo(this.settings.gapTimeout()) < 0) {
				return List.<EventLog.Entry>of();
			}
			log.info("Event log position {} was taken but never written; passing it", hole);
			List<EventLog.Entry> passed = new ArrayList<>(List.of(new EventLog.Entry(hole, null, now)));
			for (EventLog.Entry entry : read) {
				if (entry.position() != passed.get(passed.size() - 1).position() + 1) {
					break;
				}
				passed.add(entry);
			}
			return passed;
		});
	}

	private void recovered(EventConsumer consumer, Progress state) {
		if (state.failures >= QUIET_FAILURES && !consumer.reportsOwnFailures()) {
			log.info("Event consumer {} resumed after {} failed attempts", consumer.name(), state.failures);
		}
		state.failures = 0;
		state.lastReported = null;
		state.nextAttemptAt = Instant.EPOCH;
	}

	private void failed(EventConsumer consumer, Progress state, Throwable failure) {
		state.failures++;
		long factor = 1L << Math.min(state.failures - 1, 20);
		Duration wait = this.settings.retryDelay().multipliedBy(factor);
		if (wait.compareTo(this.settings.maxBackoff()) > 0) {
			wait = this.settings.maxBackoff();
		}
		state.nextAttemptAt = this.clock.instant().plus(wait);
		// A blip (a node restarting) retries quietly; a consumer failing again and again is worth a warning, once per
		// kind of failure.
		String message = failure.toString();
		if (!consumer.reportsOwnFailures() && state.failures >= QUIET_FAILURES
				&& !message.equals(state.lastReported)) {
			log.warn("Event consumer {} failed {} times, retrying in {} ms: {}", consumer.name(), state.failures,
					wait.toMillis(), message);
			state.lastReported = message;
		}
		else {
			log.debug("Event consumer {} failed, retrying in {} ms: {}", consumer.name(), wait.toMillis(), message);
		}
	}

	private static String leaseName(EventConsumer consumer) {
		return "events:" + consumer.name();
	}

	@Override
	public void stop() {
		stop(() -> { });
	}

	/**
	 * Lets the rounds under way finish (so what they handled has its position stored), stops the loops and gives the
	 * leases up, so another instance (or the next start) goes on at once from where this one stopped.
	 */
	@Override
	public synchronized void stop(Runnable callback) {
		this.stopping = true;
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (this.inFlight.get() > 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.loops.forEach(Disposable::dispose);
		this.loops.clear();
		Flux.fromIterable(this.consumers)
			.flatMap((consumer) -> this.lease.release(leaseName(consumer)).onErrorComplete())
			.then()
			.timeout(Duration.ofSeconds(5))
			.onErrorComplete()
			.doFinally((signal) -> callback.run())
			.subscribe();
	}

	@Override
	public synchronized boolean isRunning() {
		return !this.loops.isEmpty();
	}

	@Override
	public boolean isAutoStartup() {
		return this.settings.enabled();
	}

}
