package dev.madang.moderation;

import dev.madang.identity.CurrentUser;
import dev.madang.identity.Role;
import dev.madang.security.AccessRules;

/**
 * How much a flag counts: the flagger's standing (member, trusted member by reputation, moderator) times their past
 * accuracy. Accuracy is the share of their decided flags that moderators agreed with, smoothed so that a first flag
 * counts fully ((agreed + 1) / (decided + 2), doubled so that no history means 1), and kept between the configured
 * bounds. Moderators' flags are not scaled.
 */
record FlagWeights(ModerationProperties settings) {

	double of(CurrentUser flagger, long agreed, long decided) {
		if (AccessRules.hasRole(flagger, Role.MODERATOR)) {
			return this.settings.moderatorWeight();
		}
		double standing = (flagger.reputation() >= this.settings.trustedReputation()) ? this.settings.trustedWeight()
				: this.settings.memberWeight();
		double accuracy = 2.0 * (agreed + 1) / (decided + 2);
		double bounded = Math.max(this.settings.minAccuracy(), Math.min(this.settings.maxAccuracy(), accuracy));
		return Math.round(standing * bounded * 100) / 100.0;
	}

	boolean hides(double spamOrAbuseWeight) {
		return spamOrAbuseWeight >= this.settings.hideThreshold() - 1e-9;
	}

}
