package dev.madang.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndexingStatusTest {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);

	private final IndexingStatus status = new IndexingStatus(this.clock);

	@Test
	void backOffDoublesFromTheBaseUpToTheMaximum() {
		Duration base = Duration.ofMillis(500);
		Duration max = Duration.ofSeconds(3);
		assertThat(this.status.failed(new RuntimeException("down"), base, max)).isEqualTo(Duration.ofMillis(500));
		assertThat(this.status.failed(new RuntimeException("down"), base, max)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.status.failed(new RuntimeException("down"), base, max)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.status.failed(new RuntimeException("down"), base, max)).isEqualTo(Duration.ofSeconds(3));
		assertThat(this.status.nextAttemptAt()).isEqualTo(this.clock.instant().plusSeconds(3));
		assertThat(this.status.consecutiveFailures()).isEqualTo(4);
	}

	@Test
	void successEndsTheBackOff() {
		this.status.failed(new RuntimeException("down"), Duration.ofSeconds(1), Duration.ofSeconds(10));
		this.status.succeeded();
		assertThat(this.status.consecutiveFailures()).isZero();
		assertThat(this.status.nextAttemptAt()).isBefore(this.clock.instant());
		assertThat(this.status.lastSuccessAt()).isEqualTo(this.clock.instant());
	}

}
