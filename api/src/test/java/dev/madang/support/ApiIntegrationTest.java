package dev.madang.support;

import java.time.Duration;

import dev.madang.identity.AccessTokens;
import dev.madang.identity.AccountService;
import dev.madang.identity.Role;
import dev.madang.reputation.ReputationLedger;
import dev.madang.tag.TagRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of tests that use Madang as a client would: the whole application on a random port, talking over real
 * sockets to the shared MongoDB-protocol server and Elasticsearch node.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "madang.indexing.poll-interval=1h", "madang.events.poll-interval=200ms", "madang.events.max-backoff=1s", "madang.indexing.max-backoff=1s",
				"madang.rate-limits.writes-per-user=100000", "madang.rate-limits.writes-per-ip=100000",
				"madang.rate-limits.logins-per-ip=100000", "madang.rate-limits.sign-ups-per-ip=100000",
				"madang.rate-limits.tokens-per-user=100000", "madang.rate-limits.searches-per-ip=100000",
				"madang.admin.demo-accounts=false", "madang.seed.enabled=false",
				"madang.search.tally-interval=1s", "madang.insights.emerging-kept=0s", "madang.webhooks.retry-backoff=200ms", "madang.webhooks.poll-interval=200ms",
				"madang.webhooks.disable-after=4", "madang.webhooks.max-attempts=3", "madang.webhooks.timeout=2s",
				// Test members are minutes old: without this every one would meet the new-member limits.
				"madang.moderation.new-members.period=0s" })
@AutoConfigureWebTestClient(timeout = "30s")
@org.springframework.context.annotation.Import(InFlightRequests.class)
public abstract class ApiIntegrationTest {

	protected static final String OIDC_ISSUER_ID = "madang";

	@Autowired
	protected WebTestClient http;

	@Autowired
	protected ReactiveMongoTemplate mongo;

	@Autowired
	private AccountService accounts;

	@Autowired
	private AccessTokens tokens;

	@Autowired
	private ReputationLedger ledger;

	@Autowired
	private TagRegistry tags;

	/** Given these tags exist already (members need reputation only to create new ones). */
	protected void existingTags(String... names) {
		this.tags.register(java.util.List.of(names), "test").block(Duration.ofSeconds(10));
	}

	/** A new account with these roles (member always) and an access token. */
	protected TestUsers.TestUser user(Role... roles) {
		return new TestUsers(this.accounts, this.tokens, this.ledger).create(roles);
	}

	/** A new account with this reputation and roles. */
	protected TestUsers.TestUser userWithReputation(int reputation, Role... roles) {
		return new TestUsers(this.accounts, this.tokens, this.ledger).withReputation(reputation, roles);
	}

	/** Many members with this reputation, created quickly (token sign-in only). */
	protected java.util.List<TestUsers.TestUser> crowd(int count, int reputation) {
		return new TestUsers(this.accounts, this.tokens, this.ledger).many(count, reputation, this.mongo);
	}

	/** A client that sends {@code user}'s access token with every request. */
	protected WebTestClient as(TestUsers.TestUser user) {
		return this.http.mutate().defaultHeader("Authorization", user.bearer()).build();
	}

	/** A client signed in as a new member. */
	protected WebTestClient asMember() {
		return as(user());
	}

	@DynamicPropertySource
	static void sharedInfrastructure(DynamicPropertyRegistry registry) {
		registry.add("madang.mongodb.uri", TestInfrastructure::mongoUri);
		registry.add("madang.elasticsearch.url", () -> TestInfrastructure.search().url());
		registry.add("madang.oidc.issuer-uri", () -> issuer());
		registry.add("madang.oidc.group-roles.madang-moderators", () -> "moderator");
		registry.add("spring.security.oauth2.client.provider.idp.issuer-uri", () -> issuer());
		registry.add("spring.security.oauth2.client.registration.idp.client-id", () -> "madang");
		registry.add("spring.security.oauth2.client.registration.idp.client-secret", () -> "madang-secret");
		registry.add("spring.security.oauth2.client.registration.idp.scope", () -> "openid,email,profile");
		registry.add("spring.security.oauth2.client.registration.idp.client-name", () -> "Test IdP");
	}

	/** The issuer the application trusts, served by the shared OIDC provider. */
	protected static String issuer() {
		return TestInfrastructure.oidcProvider().issuerUrl(OIDC_ISSUER_ID).toString();
	}

	protected long storedThreads() {
		return this.mongo.count(new Query(), "threads").block(Duration.ofSeconds(10));
	}

	/** Waits until {@code check} passes, for effects that are eventually consistent such as indexing. */
	protected static void eventually(Duration timeout, Runnable check) {
		Deadline.eventually(timeout, check);
	}

}
