package dev.madang.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The event log's settings ({@code madang.events.*}).
 *
 * @param enabled whether this instance runs the consumers (command-line tools turn them off)
 * @param batchSize the most events a consumer is given at once
 * @param pollInterval how often an idle consumer looks for events appended by other instances
 * @param retryDelay a failing consumer's first wait, doubled on each further failure
 * @param maxBackoff the longest wait between a failing consumer's attempts
 * @param leaseTime how long one instance runs a consumer without renewing its lease
 * @param gapTimeout how long a consumer waits for a position that was taken but never written (its writer died)
 * @param sweepInterval how often changes whose events were not moved into the log (a crash, a failed relay) are
 *     looked for; also done at start
 */
@ConfigurationProperties("madang.events")
public record EventLogProperties(@DefaultValue("true") boolean enabled, @DefaultValue("200") int batchSize,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("1s") Duration retryDelay,
		@DefaultValue("1m") Duration maxBackoff, @DefaultValue("30s") Duration leaseTime,
		@DefaultValue("10s") Duration gapTimeout, @DefaultValue("5m") Duration sweepInterval) {
}
