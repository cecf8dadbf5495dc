package dev.madang.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which @handles a post names: not in code, not in addresses, each once, at most ten. */
class MentionsTest {

	@Test
	void handlesAreReadOutsideCodeAndAddresses() {
		assertThat(Mentions.handles("Thanks @KimMinsu and @이서연! Ask @kimminsu. `@inCode` mail a@b.com\n```\n@block\n```"))
			.containsExactly("kimminsu", "이서연");
	}

	@Test
	void aTrailingDotIsPunctuationAndAPostNamesAtMostTen() {
		assertThat(Mentions.handles("See @lee.")).containsExactly("lee");
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 15; i++) {
			many.append("@member").append(i).append(' ');
		}
		assertThat(Mentions.handles(many.toString())).hasSize(Mentions.MOST);
	}

}
