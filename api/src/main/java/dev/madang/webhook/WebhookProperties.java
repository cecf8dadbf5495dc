package dev.madang.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound webhooks. Retries are on by default: an attempt that fails waits {@code retry-backoff}, doubling each
 * time, up to {@code max-attempts}; {@code disable-after} failed attempts in a row switch the webhook off. Finished
 * deliveries older than {@code keep-deliveries} leave the log.
 */
@ConfigurationProperties("madang.webhooks")
record WebhookProperties(@DefaultValue("10s") Duration timeout, @DefaultValue("30s") Duration retryBackoff,
		@DefaultValue("8") int maxAttempts, @DefaultValue("20") int disableAfter,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("30d") Duration keepDeliveries) {
}
