package dev.madang.webhook;

import java.time.Instant;
import java.util.List;

import dev.madang.events.EventLog;
import dev.madang.identity.CurrentUsers;
import dev.madang.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins' outbound webhooks: configure them, read each one's delivery log, redeliver any past event. */
@RestController
class WebhookApi {

	private final Webhooks webhooks;

	private final EventLog events;

	private final CurrentUsers currentUsers;

	private final java.time.Clock clock;

	WebhookApi(Webhooks webhooks, EventLog events, CurrentUsers currentUsers, java.time.Clock clock) {
		this.webhooks = webhooks;
		this.events = events;
		this.currentUsers = currentUsers;
		this.clock = clock;
	}

	record NewWebhook(String url, String secret, List<String> kinds, Boolean allowPrivate) {
	}

	record WebhookChange(String url, List<String> kinds, Boolean enabled, Boolean allowPrivate) {
	}

	/** A webhook as the API shows it; the secret only in the answer to creating it. */
	record WebhookView(String id, String url, List<String> kinds, boolean enabled, boolean allowPrivate, int failures,
			String disabledReason, Instant disabledAt, Instant createdAt, String secret) {

		static WebhookView of(Webhook hook, boolean withSecret) {
			return new WebhookView(hook.id(), hook.url(), hook.kinds(), hook.enabled(), hook.allowPrivate(),
					hook.failures(), hook.disabledReason(), hook.disabledAt(), hook.createdAt(),
					withSecret ? hook.secret() : null);
		}

	}

	@Operation(summary = "Create a webhook: target URL (http/https, not private unless allowPrivate), event kinds "
			+ "(\"*\" for all) and an optional secret (one is made otherwise; shown only here)")
	@PostMapping(path = "/api/v1/admin/webhooks", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<WebhookView>> create(@RequestBody NewWebhook request) {
		return this.currentUsers.current().flatMap((admin) -> this.webhooks.create(request.url(), request.secret(),
				request.kinds(), Boolean.TRUE.equals(request.allowPrivate()), admin.id()))
			.map((hook) -> ResponseEntity.status(HttpStatus.CREATED).body(WebhookView.of(hook, true)));
	}

	@Operation(summary = "Every webhook")
	@GetMapping(path = "/api/v1/admin/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
	Flux<WebhookView> list() {
		return this.webhooks.all().map((hook) -> WebhookView.of(hook, false));
	}

	@Operation(summary = "One webhook")
	@GetMapping(path = "/api/v1/admin/webhooks/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<WebhookView> one(@PathVariable String id) {
		return this.webhooks.find(id).map((hook) -> WebhookView.of(hook, false));
	}

	@Operation(summary = "Change a webhook's URL, kinds or private-target permission, or switch it off or on again")
	@PatchMapping(path = "/api/v1/admin/webhooks/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<WebhookView> change(@PathVariable String id, @RequestBody WebhookChange change) {
		return this.webhooks.update(id, change.url(), change.kinds(), change.enabled(), change.allowPrivate())
			.map((hook) -> WebhookView.of(hook, false));
	}

	@Operation(summary = "Delete a webhook (its waiting deliveries fail)")
	@DeleteMapping("/api/v1/admin/webhooks/{id}")
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return this.webhooks.delete(id).thenReturn(ResponseEntity.noContent().build());
	}

	record DeliveryView(String id, String eventId, String eventType, String state, int attempts, Instant dueAt,
			Instant deliveredAt, Instant createdAt, List<WebhookDelivery.Attempt> log) {

		static DeliveryView of(WebhookDelivery delivery) {
			return new DeliveryView(delivery.id(), delivery.eventId(), delivery.eventType(), delivery.state(),
					delivery.attempts(), delivery.dueAt(), delivery.deliveredAt(), delivery.createdAt(),
					(delivery.log() != null) ? delivery.log() : List.of());
		}

	}

	@Operation(summary = "A webhook's delivery log, newest first: each attempt's response status or error and time")
	@GetMapping(path = "/api/v1/admin/webhooks/{id}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
	Flux<DeliveryView> deliveries(@PathVariable String id) {
		return this.webhooks.find(id).flatMapMany((hook) -> this.webhooks.deliveries(id, 100)).map(DeliveryView::of);
	}

	record Redelivery(String eventId) {
	}

	@Operation(summary = "Send a past event to this webhook again (a new delivery id)")
	@PostMapping(path = "/api/v1/admin/webhooks/{id}/redeliver", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<java.util.Map<String, String>>> redeliver(@PathVariable String id,
			@RequestBody Redelivery request) {
		if (request.eventId() == null || request.eventId().isBlank()) {
			return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "event-id-missing", "Which event?",
					"Give the eventId of the event to redeliver."));
		}
		return this.webhooks.find(id).flatMap((hook) -> this.events.find(request.eventId())
			.switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-not-found",
					"No such event", "The event log has no event " + request.eventId() + ".")))
			.flatMap((event) -> {
				String deliveryId = hook.id() + ":" + event.id() + ":r" + this.clock.millis();
				return this.webhooks.enqueue(deliveryId, hook, event, WebhookPayload.of(deliveryId, event))
					.thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED)
						.body(java.util.Map.of("deliveryId", deliveryId)));
			}));
	}

}
