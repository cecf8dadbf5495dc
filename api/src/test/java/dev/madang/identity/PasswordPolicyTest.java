package dev.madang.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	@Test
	void longPassphrasesAreAcceptedWithoutCharacterClassRules() {
		assertThat(PasswordPolicy.violations("correct horse battery staple", "kim@example.com")).isEmpty();
		assertThat(PasswordPolicy.violations("마당에서 만나요 이천이십육", "kim@example.com")).isEmpty();
	}

	@Test
	void shortCommonRepetitiveOrEmailBasedPasswordsAreRefused() {
		assertThat(PasswordPolicy.violations("short", null)).containsExactly("password.tooShort");
		assertThat(PasswordPolicy.violations("Password123", null)).containsExactly("password.tooCommon");
		assertThat(PasswordPolicy.violations("abababababab", null)).containsExactly("password.tooCommon");
		assertThat(PasswordPolicy.violations("minji.kim-2026!", "minji.kim@example.com"))
			.containsExactly("password.containsEmail");
		assertThat(PasswordPolicy.violations("x".repeat(200) + "yzwq", null)).containsExactly("password.tooLong");
	}

}
