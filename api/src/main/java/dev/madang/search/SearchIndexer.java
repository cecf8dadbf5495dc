package dev.madang.search;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.madang.lease.JobLease;
import dev.madang.post.SearchSource;
import dev.madang.post.Searchable;
import dev.madang.search.index.BulkOutcome;
import dev.madang.search.index.PostIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Copies the documents of every {@link SearchSource} marked {@code indexPending} into the posts index: in bulk, with
 * the document's version as the external version, and clears the mark only when that same version is what got
 * indexed (a newer edit keeps it pending). The event log's {@link SearchIndexConsumer} hands it what events changed;
 * its own loop sweeps for pending documents at start, every poll interval, after bulk changes and when a failure's
 * backoff ends. While Elasticsearch fails it backs off and nothing is lost.
 */
@Component
class SearchIndexer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	private static final String JOB = "indexer";

	private final PostIndex posts;

	/** What the posts index holds copies of, each served by the module that owns it. */
	private final List<SearchSource> sources;

	private final SearchRebuild rebuild;

	/** A bulk change (an import, the demo's areas) asked for the slow sweep over every thread. */
	private volatile boolean sweepRequested;

	private final JobLease lease;

	private final Clock clock;

	private final IndexingProperties settings;

	private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();

	private final IndexingStatus status;

	private volatile boolean indexReady;

	private volatile Disposable loop;

	/** The last failure logged as a warning, so a failure repeating on every retry is logged once. */
	private volatile String lastReported;

	private static final int UNREACHABLE_WARNING_AFTER = 15;

	SearchIndexer(PostIndex posts, List<SearchSource> sources, SearchRebuild rebuild, JobLease lease, Clock clock,
			IndexingProperties settings, IndexingStatus status) {
		this.posts = posts;
		this.sources = sources;
		this.rebuild = rebuild;
		this.lease = lease;
		this.clock = clock;
		this.settings = settings;
		this.status = status;
	}

	/**
	 * Indexes the given documents of each source that are still pending (the event log's search consumer calls this
	 * for the documents its events changed) and asks for a sweep after bulk changes. Fails while Elasticsearch does,
	 * after recording the failure for the health check: the consumer then retries the same events.
	 */
	Mono<Void> indexChanged(Map<SearchSource, Set<String>> changed, boolean sweep) {
		if (!this.settings.enabled()) {
			// Whatever the events name stays marked pending for an instance that indexes.
			return Mono.empty();
		}
		if (sweep) {
			this.sweepRequested = true;
			this.wakeUps.tryEmitNext(Boolean.TRUE);
		}
		return ensureIndex()
			.thenMany(Flux.fromIterable(this.sources)
				.concatMap((source) -> indexPendingOf(source, changed.getOrDefault(source, Set.of()))))
			.then()
			.doOnSuccess((done) -> succeeded())
			.doOnError(this::failed);
	}

	@Override
	public boolean isAutoStartup() {
		return this.settings.enabled();
	}

	@Override
	public void start() {
		// Changes arrive through the event log (SearchIndexConsumer); this loop sweeps for pending documents: at start,
		// every poll interval, after bulk changes and when a failure's backoff ends.
		this.loop = Flux.merge(Flux.interval(Duration.ZERO, this.settings.pollInterval()).map((tick) -> Boolean.TRUE),
				this.wakeUps.asFlux())
			.onBackpressureDrop()
			.concatMap((sweep) -> drainWhenDue(sweep), 1)
			.subscribe(null, (failure) -> log.error("The indexer stopped; restart the application", failure));
	}

	@Override
	public void stop() {
		stop(() -> { });
	}

	/** Stops draining and gives the lease up, so the next instance (or restart) indexes without waiting for it. */
	@Override
	public void stop(Runnable callback) {
		Disposable running = this.loop;
		if (running == null) {
			callback.run();
			return;
		}
		running.dispose();
		this.lease.release(JOB)
			.timeout(Duration.ofSeconds(5))
			.onErrorComplete()
			.doFinally((signal) -> callback.run())
			.subscribe(null, (failure) -> log.debug("Indexing lease not released: {}", failure.toString()));
	}

	@Override
	public boolean isRunning() {
		Disposable running = this.loop;
		return running != null && !running.isDisposed();
	}

	private Mono<Void> drainWhenDue(boolean sweep) {
		if (this.clock.instant().isBefore(this.status.nextAttemptAt())) {
			return Mono.empty();
		}
		return this.lease.acquire(JOB, this.settings.leaseTime())
			.filter(Boolean::booleanValue)
			.flatMap((held) -> drain(sweep))
			.doOnSuccess((ignored) -> succeeded())
			.onErrorResume((failure) -> {
				failed(failure);
				return Mono.empty();
			});
	}

	private void succeeded() {
		int failures = this.status.consecutiveFailures();
		this.status.succeeded();
		if (failures > 0) {
			log.info("Indexing resumed after {} failed attempts", failures);
			// The same failure coming back later is news again.
			this.lastReported = null;
		}
	}

	private void failed(Throwable failure) {
		this.indexReady = false;
		Duration backoff = this.status.failed(failure, this.settings.retryDelay(), this.settings.maxBackoff());
		report(failure, backoff);
		// Sweep when the backoff ends rather than at the next poll: what failed is still pending.
		Mono.delay(backoff.plusMillis(10)).subscribe((tick) -> this.wakeUps.tryEmitNext(Boolean.TRUE));
	}

	/**
	 * Logs a failed attempt once, not every few seconds: a node that is not listening yet (the local node takes 15–20 s
	 * to start) is one INFO line, and a warning only if it stays away for {@value #UNREACHABLE_WARNING_AFTER} attempts
	 * (about two minutes); other failures warn when they first happen or change.
	 */
	private void report(Throwable failure, Duration backoff) {
		int failures = this.status.consecutiveFailures();
		if (unreachable(failure)) {
			if (failures == 1) {
				log.info("Elasticsearch is not reachable yet ({}); changes wait in MongoDB and are indexed once it answers",
						failure.toString());
			}
			else if (failures == UNREACHABLE_WARNING_AFTER) {
				log.warn("Elasticsearch is still unreachable after {} attempts; search is unavailable and changes wait "
						+ "for indexing: {}", failures, failure.toString());
			}
			else {
				log.debug("Elasticsearch unreachable, retrying in {} ms: {}", backoff.toMillis(), failure.toString());
			}
			return;
		}
		String message = failure.toString();
		if (!message.equals(this.lastReported)) {
			log.warn("Indexing failed, retrying in {} ms: {}", backoff.toMillis(), message);
		}
		else {
			log.debug("Indexing failed again, retrying in {} ms: {}", backoff.toMillis(), message);
		}
		this.lastReported = message;
	}

	private static boolean unreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.net.ConnectException) {
				return true;
			}
		}
		return false;
	}

	/** On a sweep (periodic, after a bulk change, after a failure): every thread and article still marked pending. */
	private Mono<Void> drain(boolean sweep) {
		boolean afterFailure = this.status.consecutiveFailures() > 0;
		Mono<Void> swept = Mono.defer(() -> {
			this.sweepRequested = false;
			return sweepPending();
		});
		return ensureIndex()
			.then(Mono.defer(() -> (sweep || afterFailure || this.sweepRequested) ? swept : Mono.<Void>empty()));
	}

	/** Indexes those of the given documents that are still pending. */
	private Mono<Void> indexPendingOf(SearchSource source, java.util.Collection<String> ids) {
		if (ids.isEmpty()) {
			return Mono.empty();
		}
		return source.find(ids)
			.filter(Searchable::isIndexPending)
			.collectList()
			.flatMap((pending) -> pending.isEmpty() ? Mono.<Void>empty() : indexAndMark(source, pending));
	}

	private Mono<Void> ensureIndex() {
		if (this.indexReady) {
			return Mono.empty();
		}
		return Mono.fromFuture(this.posts::ensureExists).flatMap((state) -> switch (state) {
			case CREATED -> reindexEverything();
			case OUTDATED -> {
				// The old schema's index keeps answering searches while the new one fills; writes it refuses stay
				// pending and reach the new index once the alias moves.
				log.info("Search index behind {} has an older schema: rebuilding it", this.posts.alias());
				// The rebuild logs its own failure.
				this.rebuild.start().onErrorComplete().subscribe();
				yield Mono.<Void>empty();
			}
			case READY -> Mono.<Void>empty();
		}).doOnSuccess((done) -> this.indexReady = true);
	}

	/**
	 * A new, empty index (a fresh cluster or lost search data): every thread is marked for indexing again, since
	 * Elasticsearch holds nothing MongoDB cannot rebuild.
	 */
	private Mono<Void> reindexEverything() {
		this.sweepRequested = true;
		return Flux.fromIterable(this.sources)
			.concatMap((source) -> source.markAllPending().doOnNext((marked) -> {
				if (marked > 0) {
					log.info("New search index {}: indexing {} documents of {} again", this.posts.concreteName(), marked,
							source);
				}
			}))
			.then();
	}

	/**
	 * Every thread still pending, read in one pass and indexed a batch at a time: one query, because the embedded
	 * storage reads the whole collection for each (a query per batch read 35k threads 70 times after an import).
	 */
	private Mono<Void> sweepPending() {
		return Flux.fromIterable(this.sources)
			.concatMap((source) -> source.pending()
				.buffer(this.settings.batchSize())
				.concatMap((batch) -> indexAndMark(source, batch), 0))
			.then();
	}

	/** How many documents of all sources wait for indexing (the backlog the health check and admin page show). */
	static Mono<Long> backlog(List<SearchSource> sources) {
		return Flux.fromIterable(sources).concatMap(SearchSource::countPending).reduce(0L, Long::sum);
	}

	private Mono<Void> indexAndMark(SearchSource source, List<? extends Searchable> batch) {
		return source.documents(batch)
			.flatMap((documents) -> Mono.fromFuture(() -> this.posts.index(documents)))
			.flatMap((outcome) -> markIndexed(source, batch, outcome));
	}

	private Mono<Void> markIndexed(SearchSource source, List<? extends Searchable> batch, BulkOutcome outcome) {
		Map<String, Long> versions = batch.stream()
			.collect(Collectors.toMap(Searchable::getId, Searchable::getVersion));
		Map<String, Long> indexed = new java.util.HashMap<>();
		outcome.indexed().forEach((id) -> indexed.put(id, versions.get(id)));
		return source.markIndexed(indexed)
			.then(Mono.defer(() -> (outcome.refusal() == null) ? Mono.empty() : Mono.error(outcome.refusal())));
	}

}
