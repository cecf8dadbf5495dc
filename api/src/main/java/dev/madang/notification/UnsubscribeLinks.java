package dev.madang.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One-click unsubscribe links, signed with HMAC-SHA256 over the member and the kind, so a link stops exactly what it
 * names and a changed one is refused. The key is {@code madang.mail.signing-secret}, or a random one kept in the
 * database (the same for every instance, and across restarts, so old emails' links keep working).
 */
@Component
class UnsubscribeLinks {

	private final ReactiveMongoTemplate mongo;

	private final MailProperties mail;

	private volatile byte[] key;

	UnsubscribeLinks(ReactiveMongoTemplate mongo, MailProperties mail) {
		this.mongo = mongo;
		this.mail = mail;
	}

	Mono<String> link(String userId, String kind) {
		return key().map((secret) -> UriComponentsBuilder.fromUriString(this.mail.baseUrl())
			.path("/unsubscribe")
			.queryParam("u", userId)
			.queryParam("k", kind)
			.queryParam("s", sign(secret, userId, kind))
			.build()
			.toUriString());
	}

	Mono<Boolean> valid(String userId, String kind, String signature) {
		if (userId == null || kind == null || signature == null) {
			return Mono.just(false);
		}
		return key().map((secret) -> MessageDigest.isEqual(sign(secret, userId, kind).getBytes(StandardCharsets.UTF_8),
				signature.getBytes(StandardCharsets.UTF_8)));
	}

	private static String sign(byte[] secret, String userId, String kind) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			byte[] signature = mac.doFinal(("unsubscribe\n" + userId + "\n" + kind).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every JDK", ex);
		}
	}

	private Mono<byte[]> key() {
		byte[] known = this.key;
		if (known != null) {
			return Mono.just(known);
		}
		if (this.mail.signingSecret() != null && !this.mail.signingSecret().isBlank()) {
			this.key = this.mail.signingSecret().getBytes(StandardCharsets.UTF_8);
			return Mono.just(this.key);
		}
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		// The first instance to ask stores its key; every other one reads that.
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is("unsubscribe-links")),
				new Update().setOnInsert("key", Base64.getEncoder().encodeToString(fresh)),
				FindAndModifyOptions.options().upsert(true).returnNew(true), org.bson.Document.class, "secrets")
			.onErrorResume(org.springframework.dao.DuplicateKeyException.class,
					(raced) -> this.mongo.findById("unsubscribe-links", org.bson.Document.class, "secrets"))
			.map((stored) -> {
				this.key = Base64.getDecoder().decode(stored.getString("key"));
				return this.key;
			});
	}

}
