package dev.madang;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Madang's settings under {@code madang.*}; the defaults make the embedded run work. Environment variables map by
 * Spring's relaxed binding, e.g. {@code MADANG_MONGODB_URI} → {@code madang.mongodb.uri}.
 */
@ConfigurationProperties("madang")
public record MadangProperties(@DefaultValue Mongodb mongodb, @DefaultValue Elasticsearch elasticsearch,
		@DefaultValue Search search, @DefaultValue Indexing indexing, @DefaultValue Embedded embedded,
		@DefaultValue Oidc oidc, @DefaultValue Admin admin, @DefaultValue RateLimits rateLimits,
		@DefaultValue Privileges privileges, @DefaultValue Reputation reputation, @DefaultValue Seed seed) {

	/** @param uri an external MongoDB; when empty, the embedded storage starts */
	public record Mongodb(String uri) {
	}

	/** @param url an external Elasticsearch node or cluster; when empty, a local node starts */
	public record Elasticsearch(String url) {
	}

	/** @param indexPrefix the prefix of every index and alias name, so several installations can share a cluster */
	public record Search(@DefaultValue("madang") String indexPrefix) {
	}

	/**
	 * @param enabled whether this instance indexes (command-line tools turn it off)
	 * @param batchSize the most documents sent to Elasticsearch in one bulk call
	 * @param pollInterval how often the indexer sweeps for pending work it was not woken for (writes through another
	 * instance); each sweep reads the threads collection, which the embedded storage answers by reading every thread
	 * @param retryDelay the first wait after Elasticsearch fails, doubled on each further failure
	 * @param maxBackoff the longest wait between attempts while Elasticsearch fails
	 * @param leaseTime how long one instance holds the indexing lease without renewing it
	 */
	public record Indexing(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize, @DefaultValue("30s") Duration pollInterval,
			@DefaultValue("1s") Duration retryDelay, @DefaultValue("10s") Duration maxBackoff, @DefaultValue("30s") Duration leaseTime) {
	}

	/**
	 * @param dataDir where the embedded storage and the local Elasticsearch node keep their data
	 * @param mongodbPort the embedded storage's port, 0 for any free port
	 * @param elasticsearchPort the local node's HTTP port, 0 for any free port
	 */
	public record Embedded(@DefaultValue("data") String dataDir, @DefaultValue("0") int mongodbPort,
			@DefaultValue("0") int elasticsearchPort) {
	}


	/**
	 * Bearer JWTs and provider groups. Browser sign-in through a provider is configured with Spring's standard
	 * {@code spring.security.oauth2.client.registration.*} properties.
	 *
	 * @param issuerUri the issuer whose JWTs the API accepts as bearer tokens; empty accepts none
	 * @param audience when set, a JWT must name it in {@code aud}
	 * @param rolesClaim the claim listing the person's groups at the provider
	 * @param groupRoles provider group → Madang role ({@code moderator}, {@code staff}, {@code admin})
	 */
	public record Oidc(String issuerUri, String audience, @DefaultValue("groups") String rolesClaim,
			@DefaultValue java.util.Map<String, String> groupRoles) {
	}

	/**
	 * The first administrator, created at start when no account has this email.
	 *
	 * @param email {@code MADANG_ADMIN_EMAIL}
	 * @param password {@code MADANG_ADMIN_PASSWORD}
	 * @param demoAccounts when no admin is configured, create a demo admin, moderator, staff member and customer with
	 * random passwords, printed once and written to the data folder
	 */
	public record Admin(String email, String password, @DefaultValue("true") boolean demoAccounts) {
	}

	/**
	 * Requests allowed per minute before {@code 429 Too Many Requests}; per signed-in user, and per client IP address.
	 *
	 * @param writesPerUser writes (POST, PUT, PATCH, DELETE) per user per minute
	 * @param writesPerIp writes per IP address per minute, whoever is signed in
	 * @param loginsPerIp sign-in attempts per IP address per minute
	 * @param signUpsPerIp new accounts per IP address per hour
	 * @param tokensPerUser new access tokens per user per hour
	 * @param searchesPerIp searches per IP address per minute
	 */
	public record RateLimits(@DefaultValue("60") int writesPerUser, @DefaultValue("300") int writesPerIp,
			@DefaultValue("10") int loginsPerIp, @DefaultValue("10") int signUpsPerIp,
			@DefaultValue("20") int tokensPerUser, @DefaultValue("120") int searchesPerIp) {
	}

	/**
	 * Reputation needed for privileges beyond the member role (Stack Overflow's thresholds by default, except creating
	 * tags: 300 instead of 1500, for communities smaller than Stack Overflow).
	 */
	public record Privileges(@DefaultValue("15") int voteUp, @DefaultValue("50") int comment,
			@DefaultValue("125") int voteDown, @DefaultValue("300") int createTag,
			@DefaultValue("2000") int editOthers) {
	}

	/**
	 * Reputation rules (Stack Overflow's by default). Votes' gains count toward a daily cap; acceptance does not.
	 */
	public record Reputation(@DefaultValue("1") int initial, @DefaultValue("10") int questionUpvoted,
			@DefaultValue("10") int answerUpvoted, @DefaultValue("-2") int downvoted,
			@DefaultValue("-1") int downvotingAnswer, @DefaultValue("15") int answerAccepted,
			@DefaultValue("2") int accepting, @DefaultValue("200") int dailyVoteCap,
			@DefaultValue("25") int answerPromoted) {
	}

	/**
	 * The demo community loaded on first start when the database has no threads.
	 *
	 * @param enabled whether to seed at all
	 * @param dataDir a folder of bigger data sets to load instead of the bundled demo community (Stack Exchange dump
	 * folders and {@code ko-chatbot-data}); empty for the bundled one
	 * @param stackExchange the dump folders to import
	 * @param koreanQuestions how many Korean question/answer pairs to add
	 */
	public record Seed(@DefaultValue("true") boolean enabled, @DefaultValue("") String dataDir,
			@DefaultValue({ "se-coffee-posts", "se-cardano", "se-ai" }) java.util.List<String> stackExchange,
			@DefaultValue("300") int koreanQuestions) {
	}

}
