package dev.madang.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.madang.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobLeaseTest extends ApiIntegrationTest {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T00:00:00Z"));

	@Test
	void onlyOneInstanceHoldsALeaseUntilItExpires() {
		JobLease first = new JobLease(this.mongo, this.clock);
		JobLease second = new JobLease(this.mongo, this.clock);
		Duration term = Duration.ofSeconds(30);

		assertThat(first.acquire("expiry-test", term).block()).isTrue();
		assertThat(second.acquire("expiry-test", term).block()).isFalse();
		assertThat(first.acquire("expiry-test", term).block()).as("the holder renews").isTrue();

		this.clock.advance(Duration.ofSeconds(31));
		assertThat(second.acquire("expiry-test", term).block()).isTrue();
		assertThat(first.acquire("expiry-test", term).block()).isFalse();
	}

	@Test
	void aReleasedLeaseCanBeTakenAtOnce() {
		JobLease first = new JobLease(this.mongo, this.clock);
		JobLease second = new JobLease(this.mongo, this.clock);

		assertThat(first.acquire("release-test", Duration.ofMinutes(5)).block()).isTrue();
		first.release("release-test").block();

		assertThat(second.acquire("release-test", Duration.ofMinutes(5)).block()).isTrue();
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
