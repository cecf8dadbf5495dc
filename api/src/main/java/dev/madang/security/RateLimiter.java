package dev.madang.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) per limit and key, kept in memory with idle ones forgotten. Each instance counts for itself:
 * behind N instances a client gets up to N times the limit, which is still a bound on abuse.
 */
@Component
class RateLimiter {

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(2, TimeUnit.HOURS)
		.build();

	/** Takes one request from the bucket; returns zero when allowed, else how long until one is available. */
	Duration take(String limit, String key, int permits, Duration per) {
		Bucket bucket = this.buckets.get(limit + "|" + permits + "|" + per + "|" + key,
				(ignored) -> Bucket.builder()
					.addLimit(Bandwidth.builder().capacity(permits).refillGreedy(permits, per).build())
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

}
