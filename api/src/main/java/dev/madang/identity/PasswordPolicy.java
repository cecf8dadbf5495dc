package dev.madang.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What makes a password acceptable, after NIST SP 800-63B: long enough, not absurdly long, not one of the passwords
 * every attacker tries first, and not the account's own email. Character-class rules are deliberately absent.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_LENGTH = 128;

	private static final Set<String> COMMON = Set.of("password", "password1", "password123", "passw0rd", "1234567890",
			"12345678910", "0123456789", "qwertyuiop", "qwerty1234", "qwerty12345", "iloveyou12", "abcdefghij",
			"letmein123", "welcome123", "admin12345", "administrator", "1q2w3e4r5t", "1qaz2wsx3edc", "zaq12wsxcde",
			"aaaaaaaaaa", "1111111111", "0000000000", "sunshine12", "football12", "baseball12", "changeme123",
			"madang1234", "madangmadang", "비밀번호1234", "비밀번호12345");

	private PasswordPolicy() {
	}

	/** Message codes of the rules {@code password} breaks, empty when it is acceptable. */
	public static List<String> violations(String password, String email) {
		List<String> violations = new ArrayList<>();
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			violations.add("password.tooShort");
			return violations;
		}
		if (password.length() > MAX_LENGTH) {
			violations.add("password.tooLong");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
			violations.add("password.tooCommon");
		}
		if (email != null && !email.isBlank()) {
			String local = email.strip().toLowerCase(Locale.ROOT).split("@")[0];
			if (lower.equals(email.strip().toLowerCase(Locale.ROOT)) || (local.length() >= 4 && lower.contains(local))) {
				violations.add("password.containsEmail");
			}
		}
		return violations;
	}

}
