package dev.madang.moderation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Moderation thresholds ({@code madang.moderation.*}). Flag weights follow Stack Overflow's anchors: a post is hidden
 * at a spam or abuse weight of 6, where a moderator's flag alone counts 6 and a trusted member's 2 (three trusted
 * members hide it); a new member's counts 1. Each member's weight is scaled by the share of their past flags that
 * moderators agreed with (between {@code min-accuracy} and {@code max-accuracy}; 1 without a history).
 */
@ConfigurationProperties("madang.moderation")
public record ModerationProperties(@DefaultValue("6") double hideThreshold, @DefaultValue("1") double memberWeight,
		@DefaultValue("2") double trustedWeight, @DefaultValue("500") int trustedReputation,
		@DefaultValue("6") double moderatorWeight, @DefaultValue("0.5") double minAccuracy,
		@DefaultValue("1.5") double maxAccuracy, @DefaultValue("3") int autoSilenceAfter,
		@DefaultValue("10m") Duration claimTime, @DefaultValue("20") int pageSize) {
}
