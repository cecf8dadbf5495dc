package dev.madang.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.madang.lease.JobLease;
import dev.madang.search.index.BulkOutcome;
import dev.madang.search.index.PostIndex;
import dev.madang.post.SearchSource;
import dev.madang.post.Searchable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Builds a new posts index from MongoDB and moves the alias to it while the old one keeps answering searches.
 * <p>
 * No write made during the rebuild is lost: every document carries its thread's version as an external version, so
 * nothing older replaces something newer, and the rebuild remembers the version it copied of each thread. After the
 * fill, and again after the alias moved, it compares those with the versions in MongoDB and copies what changed. A
 * version written before the alias moved is seen by the second comparison; one written after it is indexed by the
 * indexer into the alias, which by then is the new index.
 */
@Component
public class SearchRebuild {

	private static final Logger log = LoggerFactory.getLogger(SearchRebuild.class);

	private static final String JOB = "search-rebuild";

	private static final Duration LEASE = Duration.ofMinutes(5);

	/** How long the replaced index lives on after the alias moved, for searches that began on it. */
	private static final Duration RETIREMENT_GRACE = Duration.ofSeconds(2);

	private final PostIndex posts;

	private final List<SearchSource> sources;

	private final JobLease lease;

	private final Clock clock;

	private final int batchSize;

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.NEVER);

	SearchRebuild(PostIndex posts, List<SearchSource> sources, JobLease lease, Clock clock, IndexingProperties indexing) {
		this.posts = posts;
		this.sources = sources;
		this.lease = lease;
		this.clock = clock;
		this.batchSize = indexing.batchSize();
	}

	/** What the last or current rebuild of this instance did. */
	public RebuildStatus status() {
		return this.status.get();
	}

	/**
	 * Rebuilds, unless a rebuild already runs here or on another instance (then it fails with
	 * {@link RebuildRunningException}). Subscribe to start it.
	 */
	public Mono<RebuildReport> start() {
		return Mono.defer(() -> {
			if (!this.running.compareAndSet(false, true)) {
				return Mono.error(new RebuildRunningException());
			}
			RebuildReport last = this.status.get().last();
			this.status.set(RebuildStatus.running(null, this.clock.instant(), last));
			return this.lease.acquire(JOB, LEASE).flatMap((held) -> {
				if (held) {
					return rebuild();
				}
				RebuildRunningException elsewhere = new RebuildRunningException();
				this.status.set(RebuildStatus.failed(null, this.clock.instant(), elsewhere, last));
				return Mono.<RebuildReport>error(elsewhere);
			}).doFinally((signal) -> this.running.set(false));
		});
	}

	private Mono<RebuildReport> rebuild() {
		Instant started = this.clock.instant();
		String target = this.posts.rebuildName(started);
		Map<String, Long> copied = new ConcurrentHashMap<>();
		AtomicLong changed = new AtomicLong();
		AtomicBoolean moved = new AtomicBoolean();
		this.status.set(RebuildStatus.running(target, started, this.status.get().last()));
		log.info("Rebuilding the search index into {}", target);
		return Mono.fromFuture(() -> this.posts.createUnaliased(target))
			.then(fill(target, copied))
			.then(copyChanged(target, copied))
			.doOnNext(changed::addAndGet)
			.then(Mono.fromFuture(() -> this.posts.moveAliasTo(target)))
			.doOnNext((retired) -> moved.set(true))
			.flatMap((retired) -> copyChanged(target, copied)
				.delayUntil((more) -> Mono.delay(RETIREMENT_GRACE).then(Mono.fromFuture(() -> this.posts.delete(retired))))
				.map((more) -> new RebuildReport(target, copied.size(), changed.addAndGet(more), retired, started,
						Duration.between(started, this.clock.instant()))))
			.doOnNext((report) -> {
				this.status.set(RebuildStatus.finished(report));
				log.info("Search index rebuilt: {}", report);
			})
			.onErrorResume((failure) -> {
				this.status.set(RebuildStatus.failed(target, started, failure, this.status.get().last()));
				log.warn("Rebuilding the search index into {} failed: {}", target, failure.toString());
				Mono<Void> abandon = moved.get() ? Mono.empty()
						: Mono.fromFuture(() -> this.posts.delete(List.of(target))).onErrorComplete();
				return abandon.then(Mono.error(failure));
			})
			.doFinally((signal) -> this.lease.release(JOB).onErrorComplete().subscribe());
	}

	/**
	 * Copies every thread and article, each collection read in one pass and indexed in batches, remembering the
	 * version copied.
	 */
	private Mono<Void> fill(String target, Map<String, Long> copied) {
		return Flux.fromIterable(this.sources)
			.concatMap((source) -> source.all()
				.buffer(this.batchSize)
				.concatMap((batch) -> index(target, source, batch, copied).then(this.lease.acquire(JOB, LEASE)), 0))
			.then();
	}

	/** Copies the documents whose version in MongoDB is not the one copied; returns how many there were. */
	private Mono<Long> copyChanged(String target, Map<String, Long> copied) {
		return Flux.fromIterable(this.sources).concatMap((source) -> copyChanged(target, copied, source))
			.reduce(0L, Long::sum);
	}

	private Mono<Long> copyChanged(String target, Map<String, Long> copied, SearchSource source) {
		return source.versions()
			.filter((document) -> !sameVersion(document, copied))
			.map(SearchSource.Versioned::id)
			.buffer(this.batchSize)
			.concatMap((ids) -> source.find(ids)
				.collectList()
				.flatMap((changed) -> index(target, source, changed, copied))
				.thenReturn((long) ids.size()))
			.reduce(0L, Long::sum);
	}

	private static boolean sameVersion(SearchSource.Versioned document, Map<String, Long> copied) {
		Long version = copied.get(document.id());
		return version != null && version == document.version();
	}

	private Mono<Void> index(String target, SearchSource source, List<? extends Searchable> threads,
			Map<String, Long> copied) {
		return source.documents(threads)
			.flatMap((batch) -> Mono.fromFuture(() -> this.posts.index(target, batch)))
			.flatMap((outcome) -> record(threads, outcome, copied));
	}

	private Mono<Void> record(List<? extends Searchable> threads, BulkOutcome outcome, Map<String, Long> copied) {
		if (outcome.refusal() != null) {
			return Mono.error(outcome.refusal());
		}
		Set<String> indexed = Set.copyOf(outcome.indexed());
		for (Searchable thread : threads) {
			if (indexed.contains(thread.getId())) {
				copied.merge(thread.getId(), thread.getVersion(), Math::max);
			}
		}
		this.status.updateAndGet((current) -> current.copied(copied.size()));
		return Mono.empty();
	}

}
