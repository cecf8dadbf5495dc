package dev.madang.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

/** Reports the Elasticsearch cluster's health ({@code GET /} is refused by the local build, so it asks {@code _cluster/health}). */
@Component("elasticsearchHealthIndicator")
class ElasticsearchHealthIndicator implements ReactiveHealthIndicator {

	private final ElasticsearchAsyncClient client;

	ElasticsearchHealthIndicator(ElasticsearchAsyncClient client) {
		this.client = client;
	}

	@Override
	public Mono<Health> health() {
		return Mono.fromFuture(() -> this.client.cluster().health())
			.map((health) -> ((health.status() == HealthStatus.Red) ? Health.down() : Health.up())
				.withDetail("cluster", health.clusterName())
				.withDetail("status", health.status().jsonValue())
				.withDetail("nodes", health.numberOfNodes())
				.build())
			.onErrorResume((failure) -> Mono.just(Health.down().withDetail("error", String.valueOf(failure.getMessage())).build()));
	}

}
