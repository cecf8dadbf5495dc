package dev.madang.thread;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Counts question views without a write per view: a viewer (account or address) counts once per question per
 * {@link #REPEAT_AFTER}, the counts gather in memory and are added to the threads every {@link #FLUSH_EVERY} with one
 * {@code $inc} per viewed question, and once more when the application stops. A crash loses at most the last few
 * seconds of views, which is the price of not writing on every page read.
 */
@Component
public class ViewCounter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ViewCounter.class);

	static final Duration FLUSH_EVERY = Duration.ofSeconds(5);

	static final Duration REPEAT_AFTER = Duration.ofMinutes(15);

	private final ReactiveMongoTemplate mongo;

	/** Views not saved yet, by thread; merged and removed per key atomically, so overlapping flushes lose nothing. */
	private final Map<String, Long> pending = new ConcurrentHashMap<>();

	private final Cache<String, Boolean> recentViewers = Caffeine.newBuilder()
		.maximumSize(500_000)
		.expireAfterWrite(REPEAT_AFTER.toMinutes(), TimeUnit.MINUTES)
		.build();

	private volatile Disposable flushing;

	private final Outbox outbox;

	private final java.time.Clock clock;

	ViewCounter(ReactiveMongoTemplate mongo, Outbox outbox, java.time.Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** Counts a view of the thread by this viewer, unless they viewed it a moment ago. */
	public void viewed(String threadId, String viewerKey) {
		if (this.recentViewers.asMap().putIfAbsent(viewerKey + "|" + threadId, Boolean.TRUE) == null) {
			this.pending.merge(threadId, 1L, Long::sum);
		}
	}

	/**
	 * Adds the views gathered so far to the threads. A thread another flush took meanwhile is skipped; views that
	 * could not be saved go back to the pending counts for the next flush.
	 */
	public Mono<Void> flush() {
		// Failures are collected, not signalled at once: an error inside flatMap would cancel the other updates in
		// flight, whose views were already taken and might or might not have been saved.
		java.util.Queue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
		return Flux.fromIterable(this.pending.keySet())
			.flatMap((threadId) -> {
				Long views = this.pending.remove(threadId);
				if (views == null) {
					return Mono.empty();
				}
				DomainEvent viewed = DomainEvent.of(EventType.QUESTION_VIEWED, threadId, threadId, null,
						this.clock.instant(), "views", views);
				return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(threadId)),
						Outbox.with(new Update().inc("viewCount", views), viewed), ForumThread.class)
					.onErrorResume((failure) -> {
						this.pending.merge(threadId, views, Long::sum);
						failures.add(failure);
						return Mono.empty();
					})
					// Saved with its event: a relay that fails now is the outbox sweeper's to finish, not a reason
					// to count the views again.
					.flatMap((result) -> (result.getModifiedCount() == 0) ? Mono.<Void>empty()
							: this.outbox.relay(ForumThread.class, threadId, viewed).onErrorResume((failure) -> Mono.empty()));
			}, 4)
			.then(Mono.defer(() -> failures.isEmpty() ? Mono.<Void>empty() : Mono.error(failures.peek())));
	}

	@Override
	public void start() {
		// One failed flush (storage unreachable for a moment) must not end the loop: log it and flush again later.
		this.flushing = Flux.interval(FLUSH_EVERY)
			.onBackpressureDrop()
			.concatMap((tick) -> flush().onErrorResume((failure) -> {
				log.warn("Could not save views, trying again in {} s: {}", FLUSH_EVERY.toSeconds(), failure.toString());
				return Mono.empty();
			}))
			.subscribe(null, (failure) -> log.error("View counting stopped", failure));
	}

	@Override
	public void stop() {
		Disposable running = this.flushing;
		if (running != null) {
			running.dispose();
		}
		try {
			flush().block(Duration.ofSeconds(5));
		}
		catch (RuntimeException ex) {
			log.warn("Could not save the last views: {}", ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		Disposable running = this.flushing;
		return running != null && !running.isDisposed();
	}

}
