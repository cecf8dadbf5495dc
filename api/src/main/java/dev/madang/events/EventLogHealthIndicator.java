package dev.madang.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The event log in {@code /actuator/health} ({@code events}): the newest position and how far behind each consumer is.
 * A consumer behind is not a failure of the application (writes are stored, it catches up), so the status stays up;
 * a consumer's own failures show in its log lines.
 */
@Component("eventsHealthIndicator")
class EventLogHealthIndicator implements ReactiveHealthIndicator {

	private final EventLog events;

	private final List<EventConsumer> consumers;

	EventLogHealthIndicator(EventLog events, List<EventConsumer> consumers) {
		this.events = events;
		this.consumers = consumers;
	}

	@Override
	public Mono<Health> health() {
		return this.events.head().flatMap((head) -> Flux.fromIterable(this.consumers)
			.concatMap((consumer) -> this.events.position(consumer.name())
				.map((position) -> Map.entry(consumer.name(), Math.max(0, head - position)))
				.defaultIfEmpty(Map.entry(consumer.name(), -1L)))
			.collectList()
			.map((lags) -> {
				Map<String, Object> behind = new LinkedHashMap<>();
				lags.forEach((lag) -> behind.put(lag.getKey(), (lag.getValue() < 0) ? "not started" : lag.getValue()));
				return Health.up().withDetail("head", head).withDetail("consumersBehind", behind).build();
			}));
	}

}
