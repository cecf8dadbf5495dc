package dev.madang.indexing;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.madang.MadangProperties;
import dev.madang.answer.Answer;
import dev.madang.markdown.MarkdownRenderer;
import dev.madang.search.index.BulkOutcome;
import dev.madang.search.index.PostDocument;
import dev.madang.search.index.PostIndex;
import dev.madang.thread.ForumThread;
import dev.madang.thread.ThreadChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Drains threads marked {@code indexPending} into the posts index: in bulk, with the thread's version as the external
 * version, and clears the mark only when that same version is what got indexed (a newer edit keeps it pending).
 * Runs when a write signals it, when a backoff ends, and on a slow sweep for writes made elsewhere; while
 * Elasticsearch fails it backs off and nothing is lost.
 */
@Component
class ThreadIndexer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ThreadIndexer.class);

	private static final String JOB = "indexer";

	/** The most answer text one question's document carries besides its solution. */
	private static final int MAX_ANSWERS_TEXT = 30_000;

	private final ReactiveMongoTemplate mongo;

	private final PostIndex posts;

	private final JobLease lease;

	private final Clock clock;

	private final MadangProperties.Indexing settings;

	private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();

	private final IndexingStatus status;

	private volatile boolean indexReady;

	private volatile Disposable loop;

	ThreadIndexer(ReactiveMongoTemplate mongo, PostIndex posts, JobLease lease, Clock clock,
			MadangProperties properties, IndexingStatus status) {
		this.mongo = mongo;
		this.posts = posts;
		this.lease = lease;
		this.clock = clock;
		this.settings = properties.indexing();
		this.status = status;
	}

	@EventListener
	void onThreadChanged(ThreadChanged changed) {
		this.wakeUps.tryEmitNext(Boolean.TRUE);
	}

	@Override
	public boolean isAutoStartup() {
		return this.settings.enabled();
	}

	@Override
	public void start() {
		this.loop = Flux.merge(Flux.interval(Duration.ZERO, this.settings.pollInterval()).map((tick) -> Boolean.TRUE),
				this.wakeUps.asFlux())
			.onBackpressureDrop()
			.concatMap((signal) -> drainWhenDue(), 1)
			.subscribe();
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
			.subscribe();
	}

	@Override
	public boolean isRunning() {
		Disposable running = this.loop;
		return running != null && !running.isDisposed();
	}

	private Mono<Void> drainWhenDue() {
		if (this.clock.instant().isBefore(this.status.nextAttemptAt())) {
			return Mono.empty();
		}
		return this.lease.acquire(JOB, this.settings.leaseTime())
			.filter(Boolean::booleanValue)
			.flatMap((held) -> drain())
			.doOnSuccess((ignored) -> this.status.succeeded())
			.onErrorResume((failure) -> {
				this.indexReady = false;
				Duration backoff = this.status.failed(failure, this.settings.retryDelay(), this.settings.maxBackoff());
				log.warn("Indexing failed, retrying in {} ms: {}", backoff.toMillis(), failure.toString());
				// Wake up when the backoff ends rather than at the next sweep.
				Mono.delay(backoff.plusMillis(10)).subscribe((tick) -> this.wakeUps.tryEmitNext(Boolean.TRUE));
				return Mono.empty();
			});
	}

	/** Indexes batches until a batch comes back smaller than the batch size. */
	private Mono<Void> drain() {
		return ensureIndex().then(indexNextBatch())
			.expand((count) -> (count == this.settings.batchSize()) ? indexNextBatch() : Mono.empty())
			.then();
	}

	private Mono<Void> ensureIndex() {
		if (this.indexReady) {
			return Mono.empty();
		}
		return Mono.fromFuture(this.posts::ensureExists)
			.flatMap((created) -> created ? reindexEverything() : Mono.empty())
			.doOnSuccess((done) -> this.indexReady = true);
	}

	/**
	 * A new, empty index (a fresh cluster, lost search data, or a new schema version behind the alias): every thread
	 * is marked for indexing again, since Elasticsearch holds nothing MongoDB cannot rebuild.
	 */
	private Mono<Void> reindexEverything() {
		return this.mongo.updateMulti(Query.query(Criteria.where("indexPending").is(false)),
				new Update().set("indexPending", true), ForumThread.class)
			.doOnNext((marked) -> {
				if (marked.getModifiedCount() > 0) {
					log.info("New search index {}: indexing all {} threads again", this.posts.concreteName(),
							marked.getModifiedCount());
				}
			})
			.then();
	}

	private Mono<Integer> indexNextBatch() {
		Query pending = Query.query(Criteria.where("indexPending").is(true))
			.with(Sort.by("updatedAt"))
			.limit(this.settings.batchSize());
		return this.mongo.find(pending, ForumThread.class).collectList().flatMap((threads) -> {
			if (threads.isEmpty()) {
				return Mono.just(0);
			}
			return answersOf(threads).flatMap((answers) -> {
				List<PostDocument> documents = threads.stream()
					.map((thread) -> toDocument(thread, answers.getOrDefault(thread.getId(), List.of())))
					.toList();
				return Mono.fromFuture(() -> this.posts.index(documents))
					.flatMap((outcome) -> markIndexed(threads, outcome))
					.thenReturn(threads.size());
			});
		});
	}

	/** The visible answers of the batch's threads, by thread, in one read by id. */
	private Mono<Map<String, Collection<Answer>>> answersOf(List<ForumThread> threads) {
		List<String> ids = threads.stream().filter((thread) -> !thread.isDeleted())
			.flatMap((thread) -> thread.getAnswerIds().stream()).toList();
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Answer.class)
			.filter((answer) -> !answer.isDeleted())
			.collectMultimap(Answer::getThreadId);
	}

	private Mono<Void> markIndexed(List<ForumThread> threads, BulkOutcome outcome) {
		Map<String, Long> versions = threads.stream()
			.collect(java.util.stream.Collectors.toMap(ForumThread::getId, ForumThread::getVersion));
		return Flux.fromIterable(outcome.indexed())
			.flatMap((id) -> this.mongo.updateFirst(
					Query.query(Criteria.where("_id").is(id).and("version").is(versions.get(id))),
					new Update().set("indexPending", false).set("indexedVersion", versions.get(id)), ForumThread.class))
			.then(Mono.defer(() -> outcome.failed().isEmpty() ? Mono.empty()
					: Mono.error(new IllegalStateException("Elasticsearch refused " + outcome.failed().size()
							+ " documents, first: " + outcome.failed().entrySet().iterator().next()))));
	}

	private static PostDocument toDocument(ForumThread thread, Collection<Answer> answers) {
		if (thread.isDeleted()) {
			return PostDocument.removal(thread.getId(), thread.getVersion());
		}
		String solution = answers.stream().filter((answer) -> answer.getId().equals(thread.getAcceptedAnswerId()))
			.map(ThreadIndexer::text).findFirst().orElse(null);
		String others = answers.stream().filter((answer) -> !answer.getId().equals(thread.getAcceptedAnswerId()))
			.map(ThreadIndexer::text).collect(Collectors.joining("\n\n"));
		return PostDocument.question(thread.getId(), thread.getVersion(), thread.getTitle(),
				MarkdownRenderer.plainText(thread.getBody(), thread.getBodyFormat()), solution,
				(others.length() > MAX_ANSWERS_TEXT) ? others.substring(0, MAX_ANSWERS_TEXT) : others, thread.getTags(),
				thread.getProductArea(), thread.getStatus().name().toLowerCase(java.util.Locale.ROOT),
				thread.getAcceptedAnswerId() != null, thread.getScore(), thread.getAnswerCount(), thread.getCreatedAt());
	}

	private static String text(Answer answer) {
		return MarkdownRenderer.plainText(answer.getBody(), answer.getBodyFormat());
	}

}
