package dev.madang.webhook;

import java.util.List;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventConsumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Turns each event into one delivery per enabled webhook that wants its kind. Starts at the log's head (a new
 * webhook is not sent the past; an admin can redeliver any past event by id). Idempotent: the delivery id is the
 * webhook and the event.
 */
@Component
class WebhookDispatcher implements EventConsumer {

	private final Webhooks webhooks;

	WebhookDispatcher(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@Override
	public String name() {
		return "webhooks";
	}

	@Override
	public boolean startsFromFirstEvent() {
		return false;
	}

	@Override
	public Mono<Void> handle(List<DomainEvent> events) {
		return this.webhooks.enabled().collectList().flatMap((hooks) -> hooks.isEmpty() ? Mono.empty()
				: Flux.fromIterable(events)
					.concatMap((event) -> Flux.fromIterable(hooks).filter((hook) -> hook.wants(event.type()))
						.concatMap((hook) -> {
							String id = hook.id() + ":" + event.id();
							return this.webhooks.enqueue(id, hook, event, WebhookPayload.of(id, event));
						}))
					.then());
	}

}
