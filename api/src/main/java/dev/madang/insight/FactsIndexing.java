package dev.madang.insight;

import java.util.List;

import dev.madang.events.EventLog;
import dev.madang.search.insight.InsightIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Copies question facts to the insights index with their {@code seq} as external version, and clears
 * {@code indexPending} only where the facts did not change meanwhile. An index created anew (first start, a new
 * schema, a lost node) is filled from the rollup.
 */
@Component
class FactsIndexing {

	private static final Logger log = LoggerFactory.getLogger(FactsIndexing.class);

	static final int PAGE = 500;

	private final InsightIndex index;

	private final ReactiveMongoTemplate mongo;

	private final Mono<Boolean> ensured;

	private final EventLog events;

	FactsIndexing(InsightIndex index, ReactiveMongoTemplate mongo, EventLog events) {
		this.index = index;
		this.mongo = mongo;
		this.events = events;
		this.ensured = Mono.defer(() -> Mono.fromFuture(index::ensureExists))
			.flatMap((created) -> created ? markAllPending().doOnSuccess((done) -> fill()).thenReturn(true)
					: Mono.just(false))
			.cache((created) -> java.time.Duration.ofDays(36500), (failure) -> java.time.Duration.ZERO,
					() -> java.time.Duration.ZERO);
	}

	/** Creates the index at start if it is missing (if the node is not up yet, the first write does). */
	@EventListener(ApplicationReadyEvent.class)
	void ensureAtStart() {
		this.ensured.subscribe(null, (failure) -> log.warn("Insights index not ready yet: {}", failure.toString()));
	}

	/**
	 * A new index is filled from the whole rollup, beside the event consumer (both write by version); what readers did
	 * is kept only in events, so the consumer reads the log again from its start (the facts skip what they applied).
	 */
	private void fill() {
		this.events.replay(InsightRollup.NAME).then(drainPending()).retryWhen(reactor.util.retry.Retry.backoff(10, java.time.Duration.ofSeconds(1)))
			.subscribe(null, (failure) -> log.warn("Could not fill the insights index: {}",
				failure.toString()));
	}

	Mono<Void> index(List<QuestionFacts> facts) {
		if (facts.isEmpty()) {
			return Mono.empty();
		}
		List<InsightIndex.FactsDocument> documents = facts.stream()
			.map((each) -> new InsightIndex.FactsDocument(each.id, Math.max(1, each.version), each.indexSource()))
			.toList();
		return write(documents).then(Mono.when(facts.stream().map((each) -> this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(each.id).and("version").is(each.version)),
				new Update().set("indexPending", false), QuestionFacts.class)).toList()));
	}

	/** Indexes what readers did (ratings, deflections, searches), each document made from one event. */
	Mono<Void> indexReadings(List<InsightIndex.FactsDocument> documents) {
		if (documents.isEmpty()) {
			return Mono.empty();
		}
		return write(documents);
	}

	/** Writes the documents once the index exists; fails (so the batch is retried) unless every one was written. */
	private Mono<Void> write(List<InsightIndex.FactsDocument> documents) {
		return this.ensured.then(Mono.fromFuture(() -> this.index.index(documents))).flatMap((written) ->
				(written.size() < documents.size()) ? Mono.error(new IllegalStateException(
						(documents.size() - written.size()) + " insight documents were not indexed")) : Mono.empty());
	}

	/** Indexes every pending question's facts, a page at a time. */
	Mono<Void> drainPending() {
		return this.mongo.find(Query.query(Criteria.where("indexPending").is(true)).with(Sort.by("_id")).limit(PAGE),
				QuestionFacts.class)
			.collectList()
			.flatMap((page) -> page.isEmpty() ? Mono.just(false) : index(page).thenReturn(page.size() == PAGE))
			.repeat()
			.takeUntil((more) -> !more)
			.then(Mono.fromFuture(this.index::refresh));
	}

	private Mono<Void> markAllPending() {
		return this.mongo.updateMulti(new Query(), new Update().set("indexPending", true), QuestionFacts.class).then();
	}

}
