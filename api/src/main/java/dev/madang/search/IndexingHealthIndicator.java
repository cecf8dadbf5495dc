package dev.madang.search;

import java.util.List;

import dev.madang.post.SearchSource;
import reactor.core.publisher.Flux;

import java.time.Clock;
import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports the indexing backlog: how many writes are not yet searchable and how old the oldest is. The backlog is
 * read from MongoDB, so every instance reports the same figure whichever one holds the indexing lease.
 */
@Component("indexingHealthIndicator")
class IndexingHealthIndicator implements ReactiveHealthIndicator {

	private final List<SearchSource> sources;

	private final IndexingStatus status;

	private final Clock clock;

	IndexingHealthIndicator(List<SearchSource> sources, IndexingStatus status, Clock clock) {
		this.sources = sources;
		this.status = status;
		this.clock = clock;
	}

	@Override
	public Mono<Health> health() {
		Mono<Long> backlog = SearchIndexer.backlog(this.sources);
		Mono<Long> oldestAgeSeconds = Flux.fromIterable(this.sources)
			.concatMap(SearchSource::oldestPending)
			.reduce((one, other) -> one.isBefore(other) ? one : other)
			.map((oldest) -> Duration.between(oldest, this.clock.instant()).toSeconds())
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
