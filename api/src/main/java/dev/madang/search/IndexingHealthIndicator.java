package dev.madang.search;

import java.time.Clock;
import java.time.Duration;

import dev.madang.thread.ForumThread;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reports the indexing backlog: how many writes are not yet searchable and how old the oldest is. The backlog is
 * read from MongoDB, so every instance reports the same figure whichever one holds the indexing lease.
 */
@Component("indexingHealthIndicator")
class IndexingHealthIndicator implements ReactiveHealthIndicator {

	private final ReactiveMongoTemplate mongo;

	private final IndexingStatus status;

	private final Clock clock;

	IndexingHealthIndicator(ReactiveMongoTemplate mongo, IndexingStatus status, Clock clock) {
		this.mongo = mongo;
		this.status = status;
		this.clock = clock;
	}

	@Override
	public Mono<Health> health() {
		Query pending = ThreadIndexer.pendingThreads();
		Mono<Long> backlog = ThreadIndexer.backlog(this.mongo);
		Mono<Long> oldestAgeSeconds = this.mongo
			.findOne(Query.of(pending).with(Sort.by("updatedAt")).limit(1), ForumThread.class)
			.map((oldest) -> Duration.between(oldest.getUpdatedAt(), this.clock.instant()).toSeconds())
			.defaultIfEmpty(0L);
		return Mono.zip(backlog, oldestAgeSeconds).map((figures) -> {
			Health.Builder health = Health.up()
				.withDetail("backlog", figures.getT1())
				.withDetail("oldestPendingSeconds", figures.getT2())
				.withDetail("consecutiveFailures", this.status.consecutiveFailures());
			if (this.status.lastSuccessAt() != null) {
				health.withDetail("lastSuccessAt", this.status.lastSuccessAt().toString());
			}
			if (this.status.consecutiveFailures() > 0 && this.status.lastError() != null) {
				health.withDetail("lastError", this.status.lastError());
			}
			return health.build();
		});
	}

}
