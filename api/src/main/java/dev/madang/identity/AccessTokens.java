package dev.madang.identity;

import dev.madang.audit.AuditLog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import dev.madang.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Personal access tokens: {@code mdg_} followed by 32 random bytes. They carry 256 bits of entropy, so a fast SHA-256
 * is a sufficient stored form (a slow password hash would only cost latency on every API call).
 */
@Service
public class AccessTokens {

	public static final String PREFIX = "mdg_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccessTokenRepository tokens;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final AuditLog auditLog;

	AccessTokens(AccessTokenRepository tokens, ReactiveMongoTemplate mongo, Clock clock, AuditLog auditLog) {
		this.auditLog = auditLog;
		this.tokens = tokens;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** A new token for the user; the returned secret is the only time it exists in clear. */
	public Mono<IssuedToken> issue(String userId, String name) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		AccessToken token = new AccessToken(null, userId, name.strip(), sha256(secret),
				secret.substring(secret.length() - 4), this.clock.instant(), null, null);
		return this.tokens.insert(token)
			.flatMap((saved) -> this.auditLog.record(this.clock.instant(), userId, "token.created", userId,
					Map.of("tokenId", saved.id(), "name", saved.name()))
				.thenReturn(new IssuedToken(saved, secret)));
	}

	public Flux<AccessToken> list(String userId) {
		return this.tokens.findByUserIdOrderByCreatedAtDesc(userId);
	}

	/** Revokes one of the user's own tokens; someone else's token is reported as not found. */
	public Mono<Void> revoke(String userId, String tokenId) {
		return this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(tokenId).and("userId").is(userId).and("revokedAt").is(null)),
				new Update().set("revokedAt", this.clock.instant()), AccessToken.class)
			.flatMap((result) -> (result.getMatchedCount() == 0)
					? Mono.error(new ProblemException(HttpStatus.NOT_FOUND, "token-not-found", "Token not found",
							"You have no active token with id " + tokenId + "."))
					: this.auditLog.record(this.clock.instant(), userId, "token.revoked", userId,
							Map.of("tokenId", tokenId)));
	}

	/** The user id an active token belongs to, empty when the secret is unknown or revoked. */
	Mono<String> authenticate(String secret) {
		return this.tokens.findBySecretHash(sha256(secret)).filter(AccessToken::isActive).flatMap((token) -> this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(token.id())),
					new Update().set("lastUsedAt", this.clock.instant()), AccessToken.class)
			.thenReturn(token.userId()));
	}

	private static String sha256(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A token as just created, with its secret. */
	public record IssuedToken(AccessToken token, String secret) {
	}

}
