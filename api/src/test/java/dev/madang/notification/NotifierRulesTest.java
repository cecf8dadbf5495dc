package dev.madang.notification;

import java.time.Instant;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which events the notifier reads at all: history (imports) is not news. */
class NotifierRulesTest {

	private final Notifier notifier = new Notifier(null, null, null, null, null, null, null, null);

	@Test
	void importedPostsAndImportedReputationAreSkipped() {
		assertThat(this.notifier.wants(DomainEvent.of(EventType.REPUTATION_CHANGED, "import:coffee:user:7", null, null,
				Instant.now(), "userId", "u1", "amount", 500))).isFalse();
		assertThat(this.notifier.wants(DomainEvent.of(EventType.ANSWER_POSTED, "a1", "t1", "u1", Instant.now(),
				"imported", "coffee"))).isFalse();
		assertThat(this.notifier.wants(DomainEvent.of(EventType.REPUTATION_CHANGED, "vote:v1:author", null, null,
				Instant.now(), "userId", "u1", "amount", 10))).isTrue();
		assertThat(this.notifier.wants(DomainEvent.of(EventType.ANSWER_POSTED, "a1", "t1", "u1", Instant.now())))
			.isTrue();
		assertThat(this.notifier.wants(DomainEvent.of(EventType.VOTE_CAST, "v1", "t1", "u1", Instant.now()))).isFalse();
	}

}
