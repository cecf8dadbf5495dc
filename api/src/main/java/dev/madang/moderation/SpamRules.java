package dev.madang.moderation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;

/**
 * Scores a new post for spam from what it contains and how it came: links, text repeated from recent posts, known
 * spam phrases in Korean and English, the author's posting velocity, and a new member's form sent within seconds of
 * opening it. A score at or above the hold score holds the post for review.
 */
final class SpamRules {

	private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");

	private final ModerationProperties.SpamRuleSettings settings;

	private final List<String> phrases;

	SpamRules(ModerationProperties.SpamRuleSettings settings, List<String> phrases) {
		this.settings = settings;
		this.phrases = phrases.stream().map(SpamRules::squeeze).filter((phrase) -> !phrase.isEmpty()).toList();
	}

	static SpamRules withBundledPhrases(ModerationProperties.SpamRuleSettings settings) {
		try (var in = new ClassPathResource("moderation/spam-phrases.txt").getInputStream()) {
			List<String> phrases = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.toList();
			return new SpamRules(settings, phrases);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What is known about a new post when it is screened. */
	record Signals(String text, boolean newMember, long repeats, long recentPosts, Duration composeTime) {
	}

	/** The score and the rules that gave it points. */
	record Verdict(int score, List<String> reasons, boolean hold) {
	}

	Verdict judge(Signals signals) {
		int score = 0;
		List<String> reasons = new ArrayList<>();
		int links = links(signals.text());
		if (signals.newMember()) {
			score += 1;
		}
		if (links >= 3 || (signals.newMember() && links > 0)) {
			score += (links >= 3) ? 2 : 1;
			reasons.add("links");
		}
		if (signals.repeats() > 0 && squeeze(signals.text()).length() >= this.settings.repeatedTextMinLength()) {
			score += 4;
			reasons.add("repeated-text");
		}
		long hits = phraseHits(signals.text());
		if (hits > 0) {
			score += 3 * (int) Math.min(2, hits);
			reasons.add("spam-phrase");
		}
		if (signals.recentPosts() >= this.settings.velocityPosts()) {
			score += 3;
			reasons.add("velocity");
		}
		if (signals.newMember() && signals.composeTime() != null
				&& signals.composeTime().compareTo(this.settings.fastSubmit()) < 0) {
			score += 4;
			reasons.add("fast-submit");
		}
		return new Verdict(score, reasons, score >= this.settings.holdScore());
	}

	static int links(String text) {
		Matcher matcher = LINK.matcher((text == null) ? "" : text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	long phraseHits(String text) {
		String squeezed = squeeze(text);
		return this.phrases.stream().filter(squeezed::contains).count();
	}

	/** The text as compared: lower case, without white space (Korean spacing varies). */
	static String squeeze(String text) {
		return (text == null) ? "" : text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
	}

}
