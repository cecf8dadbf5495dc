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
		@DefaultValue("10m") Duration claimTime, @DefaultValue("20") int pageSize,
		@DefaultValue NewMemberLimits newMembers, @DefaultValue SpamRuleSettings spam) {

	/**
	 * What members may do in their first {@code period} (Discourse's anchors: 2 links per post, 3 topics and 10
	 * replies on the first day, 30 s between posts); their first {@code first-posts-reviewed} posts come to the queue.
	 */
	public record NewMemberLimits(@DefaultValue("1d") Duration period, @DefaultValue("2") int linksPerPost,
			@DefaultValue("3") int questionsPerDay, @DefaultValue("10") int repliesPerDay,
			@DefaultValue("30s") Duration timeBetweenPosts, @DefaultValue("2") int firstPostsReviewed) {
	}

	/**
	 * The spam rules' points: a post scoring {@code hold-score} or more is held for review. Repeated text counts
	 * from {@code repeated-text-min-length} characters (short replies repeat innocently); velocity is
	 * {@code velocity-posts} posts within {@code velocity-window}; a new member's post sent less than
	 * {@code fast-submit} after the form opened is a bot's.
	 */
	public record SpamRuleSettings(@DefaultValue("5") int holdScore, @DefaultValue("60") int repeatedTextMinLength,
			@DefaultValue("5") int velocityPosts, @DefaultValue("10m") Duration velocityWindow,
			@DefaultValue("3s") Duration fastSubmit) {
	}

}
