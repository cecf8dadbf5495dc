package dev.madang.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.madang.lease.JobLease;
import dev.madang.lease.LeasedLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Posts due deliveries, one instance at a time (a lease): signed body, {@code X-Madang-Delivery} and
 * {@code X-Madang-Event} headers, no redirects followed, a timeout. A 2xx is delivered; anything else is retried with
 * exponential backoff up to {@code max-attempts}. A crash leaves the delivery {@code sending}; once stalled it is sent
 * again with the same delivery id, so a receiver that keeps ids sees it once.
 */
@Component
class WebhookSender implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private static final String LEASE = "webhook-sender";

	private final Webhooks webhooks;

	private final WebhookProperties settings;

	private final Clock clock;

	private final HttpClient http;

	private final LeasedLoop loop;

	private volatile Instant lastPruned = Instant.EPOCH;

	WebhookSender(Webhooks webhooks, JobLease lease, WebhookProperties settings, Clock clock) {
		this.webhooks = webhooks;
		this.settings = settings;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		this.loop = new LeasedLoop(lease, LEASE, settings.pollInterval(), stalled().plusSeconds(30), this::round);
	}

	private Mono<Void> round() {
		return this.webhooks.due(50, stalled()).concatMap(this::attempt).then().then(pruneHourly());
	}

	/** A delivery {@code sending} for longer than this was in the hands of a process that died. */
	private Duration stalled() {
		return this.settings.timeout().multipliedBy(3);
	}

	private Mono<Void> pruneHourly() {
		Instant now = this.clock.instant();
		if (this.lastPruned.plus(Duration.ofHours(1)).isAfter(now)) {
			return Mono.empty();
		}
		this.lastPruned = now;
		return this.webhooks.prune(now.minus(this.settings.keepDeliveries())).then();
	}

	private Mono<Void> attempt(WebhookDelivery due) {
		return this.webhooks.beginSending(due).flatMap((delivery) -> this.webhooks.find(delivery.webhookId())
			.onErrorResume((gone) -> Mono.empty())
			.flatMap((hook) -> hook.enabled() ? post(hook, delivery)
					: this.webhooks.abandon(delivery, "webhook switched off: " + hook.disabledReason()))
			.switchIfEmpty(Mono.defer(() -> this.webhooks.abandon(delivery, "webhook deleted"))))
			.onErrorResume((failure) -> {
				log.warn("Webhook delivery {} not attempted: {}", due.id(), failure.toString());
				return Mono.empty();
			});
	}

	private Mono<Void> post(Webhook hook, WebhookDelivery delivery) {
		Instant started = this.clock.instant();
		Mono<Integer> status = Mono.fromCallable(() -> TargetCheck.refusal(hook.url(), hook.allowPrivate()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((refusal) -> {
				if (refusal.isPresent()) {
					return Mono.error(new IllegalStateException("refused: " + refusal.get()));
				}
				HttpRequest request = HttpRequest.newBuilder(URI.create(hook.url()))
					.timeout(this.settings.timeout())
					.header("Content-Type", "application/json")
					.header("User-Agent", "Madang-Webhooks/1")
					.header("X-Madang-Delivery", delivery.id())
					.header("X-Madang-Event", delivery.eventType())
					.header(WebhookSignature.HEADER, WebhookSignature.sign(hook.secret(), this.clock.instant(), delivery.body()))
					.POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
					.build();
				return Mono.fromFuture(() -> this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
					.map(HttpResponse::statusCode);
			});
		return status.map((code) -> new Outcome(code, null)).onErrorResume((failure) -> Mono.just(new Outcome(0,
				(failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName())))
			.flatMap((outcome) -> {
				Instant now = this.clock.instant();
				WebhookDelivery.Attempt attempt = new WebhookDelivery.Attempt(now, outcome.status(), outcome.error(),
						Duration.between(started, now).toMillis());
				if (outcome.status() >= 200 && outcome.status() < 300) {
					return this.webhooks.recordAttempt(delivery, attempt, WebhookDelivery.DELIVERED, null)
						.then(this.webhooks.succeeded(hook.id()));
				}
				int attempts = delivery.attempts() + 1;
				boolean last = attempts >= this.settings.maxAttempts();
				Duration backoff = this.settings.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 16));
				String reason = (outcome.error() != null) ? outcome.error() : "HTTP " + outcome.status();
				return this.webhooks.recordAttempt(delivery, attempt, last ? WebhookDelivery.FAILED : WebhookDelivery.PENDING,
						last ? null : now.plus(backoff))
					.then(this.webhooks.failed(hook.id(), this.settings.disableAfter(), reason));
			});
	}

	private record Outcome(int status, String error) {
	}

	@Override
	public void start() {
		this.loop.start();
	}

	@Override
	public void stop() {
		this.loop.stop();
	}

	@Override
	public boolean isRunning() {
		return this.loop.isRunning();
	}

}
