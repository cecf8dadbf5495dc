package dev.madang.insight;

import java.time.Instant;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Folding a question's events: each applies once, in log order. */
class QuestionFactsTest {

	private static final Instant ASKED = Instant.parse("2026-11-02T09:00:00Z");

	@Test
	void anEventDeliveredAgainChangesNothing() {
		QuestionFacts facts = QuestionFacts.of("q1");
		facts.apply(at(1, DomainEvent.of(EventType.QUESTION_ASKED, "q1", "q1", "asker", ASKED, "title", "Sync")));
		DomainEvent meToo = at(2, DomainEvent.of(EventType.ME_TOO, "q1", "q1", "m1", ASKED, "following", true));
		assertThat(facts.apply(meToo)).isTrue();
		assertThat(facts.apply(meToo)).isFalse();
		assertThat(facts.meToo).isEqualTo(1);
		assertThat(facts.version).isEqualTo(2);
	}

	@Test
	void theAskersOwnCommentIsNoResponseAndReSolvingKeepsTheFirstTime() {
		QuestionFacts facts = QuestionFacts.of("q1");
		facts.apply(at(1, DomainEvent.of(EventType.QUESTION_ASKED, "q1", "q1", "asker", ASKED)));
		facts.apply(at(2, DomainEvent.of(EventType.COMMENT_POSTED, "c1", "q1", "asker", ASKED.plusSeconds(60))));
		facts.apply(at(3, DomainEvent.of(EventType.ANSWER_POSTED, "a1", "q1", "staff", ASKED.plusSeconds(600),
				"staff", true)));
		facts.apply(at(4, DomainEvent.of(EventType.ANSWER_ACCEPTED, "a1", "q1", "asker", ASKED.plusSeconds(900))));
		facts.apply(at(5, DomainEvent.of(EventType.SOLUTION_MARKED, "a2", "q1", "mod", ASKED.plusSeconds(9000))));
		assertThat(facts.indexSource()).containsEntry("responseMinutes", 10L).containsEntry("staffResponseMinutes", 10L)
			.doesNotContainKey("communityResponseMinutes").containsEntry("solvedMinutes", 15L);
	}

	private static DomainEvent at(long seq, DomainEvent event) {
		return new DomainEvent(event.id(), seq, event.type(), event.subject(), event.threadId(), event.actorId(),
				event.at(), event.data());
	}

}
