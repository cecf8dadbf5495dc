package dev.madang.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature every delivery carries in {@value #HEADER}: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over
 * {@code <t>.<body>} with the webhook's secret (the scheme Stripe uses). A receiver recomputes it, compares in constant
 * time, and refuses a timestamp older than a few minutes, so a captured delivery cannot be replayed later.
 */
public final class WebhookSignature {

	public static final String HEADER = "X-Madang-Signature";

	public static final Duration TOLERANCE = Duration.ofMinutes(5);

	private WebhookSignature() {
	}

	public static String sign(String secret, Instant at, String body) {
		return "t=" + at.getEpochSecond() + ",v1=" + hmac(secret, at.getEpochSecond() + "." + body);
	}

	/** True when the header is this body's signature with this secret and its timestamp is within the tolerance. */
	public static boolean verify(String secret, String header, String body, Instant now, Duration tolerance) {
		if (header == null) {
			return false;
		}
		String timestamp = null;
		String signature = null;
		for (String part : header.split(",")) {
			String[] pair = part.strip().split("=", 2);
			if (pair.length == 2 && "t".equals(pair[0])) {
				timestamp = pair[1];
			}
			else if (pair.length == 2 && "v1".equals(pair[0])) {
				signature = pair[1];
			}
		}
		if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
			return false;
		}
		Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
		if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
			return false;
		}
		return MessageDigest.isEqual(hmac(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private static String hmac(String secret, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every JDK", ex);
		}
	}

}
