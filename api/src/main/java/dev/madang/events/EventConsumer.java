package dev.madang.events;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * A feature that reacts to the event log. Each consumer has its own stored position: it sees every event at least
 * once, in log order, one instance at a time; a batch whose handling fails is retried with backoff (other consumers
 * go on), so {@link #handle} must be idempotent.
 */
public interface EventConsumer {

	/** Names the consumer's position; renaming it starts the consumer over. */
	String name();

	/** Whether a consumer new to this log starts from its first event (a replay) or only sees what comes next. */
	default boolean startsFromFirstEvent() {
		return true;
	}

	/** True when the consumer reports its own failures (the dispatcher then only retries, quietly). */
	default boolean reportsOwnFailures() {
		return false;
	}

	default boolean wants(DomainEvent event) {
		return true;
	}

	/** Handles the next events this consumer wants, in log order; completes once their effects are stored. */
	Mono<Void> handle(List<DomainEvent> events);

}
