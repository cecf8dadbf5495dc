package dev.madang.identity;

import java.time.Instant;

/**
 * An access token as the API shows it; {@code token} holds the secret only in the answer that created it.
 *
 * @param hint the secret's last four characters, to tell tokens apart
 */
public record TokenView(String id, String name, String hint, Instant createdAt, Instant lastUsedAt, Instant revokedAt,
		String token) {

	static TokenView of(AccessToken token) {
		return new TokenView(token.id(), token.name(), token.hint(), token.createdAt(), token.lastUsedAt(),
				token.revokedAt(), null);
	}

	static TokenView issued(AccessTokens.IssuedToken issued) {
		AccessToken token = issued.token();
		return new TokenView(token.id(), token.name(), token.hint(), token.createdAt(), null, null, issued.secret());
	}

}
