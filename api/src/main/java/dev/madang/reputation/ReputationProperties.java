package dev.madang.reputation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reputation rules (Stack Overflow's by default). Votes' gains count toward a daily cap; acceptance does not.
 */
@ConfigurationProperties("madang.reputation")
public record ReputationProperties(@DefaultValue("1") int initial, @DefaultValue("10") int questionUpvoted,
		@DefaultValue("10") int answerUpvoted, @DefaultValue("-2") int downvoted,
		@DefaultValue("-1") int downvotingAnswer, @DefaultValue("15") int answerAccepted,
		@DefaultValue("2") int accepting, @DefaultValue("200") int dailyVoteCap,
		@DefaultValue("25") int answerPromoted) {
}
