package dev.madang.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** The webhooks admins configured and the stored state of each delivery to them. */
@Service
class Webhooks {

	private final ReactiveMongoTemplate mongo;

	private final Outbox outbox;

	private final Clock clock;

	Webhooks(ReactiveMongoTemplate mongo, Outbox outbox, Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** Creates a webhook after checking its URL; without a secret one is generated (and shown once). */
	Mono<Webhook> create(String url, String secret, List<String> kinds, boolean allowPrivate, String adminId) {
		return checked(url, allowPrivate).flatMap((target) -> {
			String key = (secret != null && !secret.isBlank()) ? secret : randomSecret();
			if (key.length() < 16) {
				return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "webhook-secret-short",
						"Secret too short", "A webhook secret has at least 16 characters (or leave it out for one to be made)."));
			}
			return this.mongo.insert(new Webhook(null, target, key, (kinds != null) ? List.copyOf(kinds) : List.of("*"),
					true, allowPrivate, 0, null, null, adminId, this.clock.instant()));
		});
	}

	/** Changes a webhook; enabling it again clears its failures. */
	Mono<Webhook> update(String id, String url, List<String> kinds, Boolean enabled, Boolean allowPrivate) {
		return find(id).flatMap((hook) -> {
			boolean privateAllowed = (allowPrivate != null) ? allowPrivate : hook.allowPrivate();
			Mono<String> target = (url != null || allowPrivate != null) ? checked((url != null) ? url : hook.url(),
					privateAllowed) : Mono.just(hook.url());
			return target.flatMap((checkedUrl) -> {
				Update update = new Update().set("url", checkedUrl).set("allowPrivate", privateAllowed);
				if (kinds != null) {
					update.set("kinds", List.copyOf(kinds));
				}
				if (Boolean.TRUE.equals(enabled)) {
					update.set("enabled", true).set("failures", 0).unset("disabledReason").unset("disabledAt");
				}
				else if (Boolean.FALSE.equals(enabled)) {
					update.set("enabled", false).set("disabledReason", "switched off by an admin")
						.set("disabledAt", this.clock.instant());
				}
				return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update,
						FindAndModifyOptions.options().returnNew(true), Webhook.class);
			});
		});
	}

	Mono<Void> delete(String id) {
		return find(id).flatMap((hook) -> this.mongo.remove(hook).then());
	}

	Mono<Webhook> find(String id) {
		return this.mongo.findById(id, Webhook.class).switchIfEmpty(Mono.error(() -> new ProblemException(
				HttpStatus.NOT_FOUND, "webhook-not-found", "No such webhook", "There is no webhook " + id + ".")));
	}

	Flux<Webhook> all() {
		return this.mongo.findAll(Webhook.class);
	}

	Flux<Webhook> enabled() {
		return this.mongo.find(Query.query(Criteria.where("enabled").is(true)), Webhook.class);
	}

	private static Mono<String> checked(String url, boolean allowPrivate) {
		if (url == null || url.isBlank() || url.length() > 2000) {
			return Mono.error(refused("webhook-url-invalid", String.valueOf(url)));
		}
		return Mono.fromCallable(() -> TargetCheck.refusal(url, allowPrivate))
			.subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
			.flatMap((refusal) -> refusal.isPresent() ? Mono.error(refused(refusal.get(), url)) : Mono.just(url.strip()));
	}

	private static ProblemException refused(String type, String url) {
		String detail = switch (type) {
			case "webhook-target-private" -> "The URL's host is a loopback, private or link-local address. An admin can "
					+ "allow private targets for this webhook (allowPrivate) if that is intended.";
			case "webhook-target-unresolvable" -> "The URL's host does not resolve.";
			default -> "A webhook URL is an absolute http or https URL without user info.";
		};
		return new ProblemException(HttpStatus.BAD_REQUEST, type, "Webhook URL refused", detail).with("url", url);
	}

	private static String randomSecret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return "whsec_" + HexFormat.of().formatHex(bytes);
	}

	/** Creates the delivery of this event to this webhook, unless it exists. */
	Mono<Void> enqueue(String deliveryId, Webhook hook, DomainEvent event, String body) {
		Instant now = this.clock.instant();
		Update update = new Update().setOnInsert("webhookId", hook.id()).setOnInsert("eventId", event.id())
			.setOnInsert("eventType", event.type()).setOnInsert("body", body).setOnInsert("state", WebhookDelivery.PENDING)
			.setOnInsert("attempts", 0).setOnInsert("dueAt", now).setOnInsert("log", List.of())
			.setOnInsert("createdAt", now);
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(deliveryId)), update, WebhookDelivery.class)
			.onErrorResume(DuplicateKeyException.class, (raced) -> Mono.empty())
			.then();
	}

	/** Due deliveries, and those a dead process left in {@code sending}. */
	Flux<WebhookDelivery> due(int limit, Duration stalledAfter) {
		Instant now = this.clock.instant();
		Flux<WebhookDelivery> stalled = this.mongo.find(Query.query(Criteria.where("state").is(WebhookDelivery.SENDING)),
				WebhookDelivery.class)
			.filter((delivery) -> delivery.sendingSince() == null || delivery.sendingSince().isBefore(now.minus(stalledAfter)));
		Flux<WebhookDelivery> pending = this.mongo.find(Query.query(Criteria.where("state").is(WebhookDelivery.PENDING)),
				WebhookDelivery.class)
			.filter((delivery) -> !delivery.dueAt().isAfter(now))
			.sort(java.util.Comparator.comparing(WebhookDelivery::dueAt));
		return Flux.concat(stalled, pending).take(limit);
	}

	Mono<WebhookDelivery> beginSending(WebhookDelivery delivery) {
		Criteria still = Criteria.where("_id").is(delivery.id()).and("state").is(delivery.state());
		if (WebhookDelivery.SENDING.equals(delivery.state())) {
			still = still.and("sendingSince").is(delivery.sendingSince());
		}
		return this.mongo.findAndModify(Query.query(still),
				new Update().set("state", WebhookDelivery.SENDING).set("sendingSince", this.clock.instant()),
				FindAndModifyOptions.options().returnNew(true), WebhookDelivery.class);
	}

	/** Records an attempt: delivered, due again after {@code backoff}, or failed for good. */
	Mono<Void> recordAttempt(WebhookDelivery delivery, WebhookDelivery.Attempt attempt, String state, Instant dueAgain) {
		Update update = new Update().push("log", attempt).inc("attempts", 1).set("state", state).unset("sendingSince");
		if (WebhookDelivery.DELIVERED.equals(state)) {
			update.set("deliveredAt", attempt.at());
		}
		if (dueAgain != null) {
			update.set("dueAt", dueAgain);
		}
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id()).and("state")
			.is(WebhookDelivery.SENDING)), update, WebhookDelivery.class).then();
	}

	/** A delivery went through: the webhook's run of failures ends. */
	Mono<Void> succeeded(String webhookId) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(webhookId).and("failures").gt(0)),
				new Update().set("failures", 0), Webhook.class).then();
	}

	/**
	 * An attempt failed: counts it, and past {@code disableAfter} in a row switches the webhook off with a
	 * {@code webhook.disabled} event (admins are told through notifications).
	 */
	Mono<Void> failed(String webhookId, int disableAfter, String reason) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(webhookId)), new Update().inc("failures", 1),
				FindAndModifyOptions.options().returnNew(true), Webhook.class)
			.filter((hook) -> hook.enabled() && hook.failures() >= disableAfter)
			.flatMap((hook) -> {
				Instant now = this.clock.instant();
				String why = hook.failures() + " failed deliveries in a row; the last: " + reason;
				DomainEvent disabled = DomainEvent.of(EventType.WEBHOOK_DISABLED, hook.id(), null, null, now, "url",
						hook.url(), "reason", why);
				return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(hook.id()).and("enabled").is(true)),
						Outbox.with(new Update().set("enabled", false).set("disabledReason", why).set("disabledAt", now),
								disabled), Webhook.class)
					.filter((result) -> result.getModifiedCount() > 0)
					.flatMap((result) -> this.outbox.relay(Webhook.class, hook.id(), disabled));
			});
	}

	Flux<WebhookDelivery> deliveries(String webhookId, int limit) {
		return this.mongo.find(Query.query(Criteria.where("webhookId").is(webhookId)), WebhookDelivery.class)
			.sort(java.util.Comparator.comparing(WebhookDelivery::createdAt).reversed())
			.take(limit);
	}

	/** The deliveries stuck behind a webhook that was switched off or deleted: failed, with the reason. */
	Mono<Void> abandon(WebhookDelivery delivery, String reason) {
		return recordAttempt(delivery, new WebhookDelivery.Attempt(this.clock.instant(), 0, reason, 0),
				WebhookDelivery.FAILED, null);
	}

	/** Removes finished deliveries (delivered or failed) created before {@code before}; answers how many. */
	Mono<Long> prune(Instant before) {
		return this.mongo.remove(Query.query(Criteria.where("state").in(List.of(WebhookDelivery.DELIVERED,
				WebhookDelivery.FAILED)).and("createdAt").lt(before)), WebhookDelivery.class)
			.map((result) -> result.getDeletedCount());
	}

}
