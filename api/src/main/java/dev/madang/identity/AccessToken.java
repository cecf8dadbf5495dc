package dev.madang.identity;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A personal access token. Only the SHA-256 of the secret is stored; the secret is shown once, at creation. */
@Document("access_tokens")
public record AccessToken(@Id String id, @Indexed String userId, String name, @Indexed(unique = true) String secretHash,
		String hint, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

	boolean isActive() {
		return this.revokedAt == null;
	}

}
