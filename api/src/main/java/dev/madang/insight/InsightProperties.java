package dev.madang.insight;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Owners' insights. {@code emerging-kept}: how long emerging topics, computed over five weeks, are kept before
 * being computed again (periods ending within the same stretch share them); 0 computes them every time.
 */
@ConfigurationProperties("madang.insights")
record InsightProperties(@DefaultValue("10m") Duration emergingKept) {
}
