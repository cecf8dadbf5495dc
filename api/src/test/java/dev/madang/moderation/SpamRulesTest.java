package dev.madang.moderation;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The spam rules' points, on English and Korean posts. */
class SpamRulesTest {

	private final SpamRules rules = SpamRules.withBundledPhrases(
			new ModerationProperties.SpamRuleSettings(5, 60, 5, Duration.ofMinutes(10), Duration.ofSeconds(3)));

	@Test
	void anOrdinaryQuestionFromANewMemberIsPublished() {
		assertThat(judge("My grinder stopped turning after I cleaned it. What did I do wrong?", true, 0, 0, null).hold())
			.isFalse();
	}

	@Test
	void aNewMembersSpamPhraseWithALinkIsHeld() {
		SpamRules.Verdict verdict = judge("Cheap watches, buy now at https://example.test/shop", true, 0, 0, null);
		assertThat(verdict.hold()).isTrue();
		assertThat(verdict.reasons()).contains("links", "spam-phrase");
	}

	@Test
	void koreanSpamPhrasesMatchWhateverTheSpacing() {
		assertThat(this.rules.phraseHits("고수익보장! 텔레그램  문의 주세요")).isEqualTo(2);
		assertThat(judge("고수익보장! 텔레그램 문의 주세요", false, 0, 0, null).hold()).isTrue();
	}

	@Test
	void longTextPostedAgainIsHeldForANewMemberButShortRepliesRepeatFreely() {
		String pitch = "I can help you with this problem, contact me for a personal consultation about your device today";
		assertThat(judge(pitch, true, 1, 0, null).reasons()).containsExactly("repeated-text");
		assertThat(judge(pitch, true, 1, 0, null).hold()).isTrue();
		assertThat(judge("Thanks, that worked!", true, 3, 0, null).hold()).isFalse();
	}

	@Test
	void aFirstPostSentWithinSecondsOfOpeningTheFormIsHeld() {
		assertThat(judge("Where do I find the serial number?", true, 0, 0, Duration.ofMillis(800)).reasons())
			.containsExactly("fast-submit");
		assertThat(judge("Where do I find the serial number?", true, 0, 0, Duration.ofSeconds(40)).hold()).isFalse();
	}

	@Test
	void postingVelocityAddsPointsButAloneDoesNotHoldAKnownMember() {
		assertThat(judge("Another answer", false, 0, 6, null).reasons()).isEqualTo(List.of("velocity"));
		assertThat(judge("Another answer", false, 0, 6, null).hold()).isFalse();
	}

	private SpamRules.Verdict judge(String text, boolean newMember, long repeats, long recent, Duration composeTime) {
		return this.rules.judge(new SpamRules.Signals(text, newMember, repeats, recent, composeTime));
	}

}
