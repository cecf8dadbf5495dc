package dev.madang.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt over the Base64 of the password's SHA-256 (passlib's {@code bcrypt_sha256}): bcrypt reads only 72 bytes and
 * Spring Security refuses longer input, while the policy allows 128 characters, up to 384 bytes in UTF-8 (a Korean
 * passphrase of 25 syllables is 75). The digest is always 44 ASCII characters and has no NUL byte to cut it short.
 */
final class Sha256Bcrypt implements PasswordEncoder {

	static final String ID = "bcrypt-sha256";

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

	@Override
	public String encode(CharSequence rawPassword) {
		return this.bcrypt.encode(digest(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return rawPassword != null && this.bcrypt.matches(digest(rawPassword), encodedPassword);
	}

	private static String digest(CharSequence rawPassword) {
		try {
			byte[] sha = MessageDigest.getInstance("SHA-256")
				.digest(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(sha);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
