package dev.madang.moderation;

import java.time.Duration;
import java.util.Set;

import dev.madang.identity.CurrentUser;
import dev.madang.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How much a flag counts, by standing and past accuracy. */
class FlagWeightsTest {

	private final FlagWeights weights = new FlagWeights(new ModerationProperties(6, 1, 2, 500, 6, 0.5, 1.5, 3,
			Duration.ofMinutes(10), 20, null, null));

	@Test
	void threeTrustedMembersWithoutHistoryHideAPostAndThreeNewMembersDoNot() {
		double trusted = this.weights.of(member(600), 0, 0);
		double newcomer = this.weights.of(member(1), 0, 0);
		assertThat(trusted).isEqualTo(2.0);
		assertThat(this.weights.hides(3 * trusted)).isTrue();
		assertThat(this.weights.hides(3 * newcomer)).isFalse();
	}

	@Test
	void aModeratorsFlagAloneHides() {
		CurrentUser moderator = new CurrentUser("m", "Mod", "m@example.com", Set.of(Role.MEMBER, Role.MODERATOR), 1, "en");
		assertThat(this.weights.hides(this.weights.of(moderator, 0, 0))).isTrue();
	}

	@Test
	void accuracyScalesTheWeightWithinItsBounds() {
		assertThat(this.weights.of(member(600), 6, 10)).isEqualTo(2.0 * 2 * 7 / 12, org.assertj.core.data.Offset.offset(0.01));
		assertThat(this.weights.of(member(600), 40, 40)).isEqualTo(3.0);
		assertThat(this.weights.of(member(600), 0, 40)).isEqualTo(1.0);
	}

	private static CurrentUser member(int reputation) {
		return new CurrentUser("u" + reputation, "User", "u@example.com", Set.of(Role.MEMBER), reputation, "en");
	}

}
