package dev.madang.support;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import dev.madang.identity.AccessTokens;
import dev.madang.identity.AccountService;
import dev.madang.identity.Role;
import dev.madang.identity.UserAccount;
import dev.madang.reputation.ReputationLedger;

/** Creates accounts with given roles, and a personal access token for each, through the real services. */
public final class TestUsers {

	public static final String PASSWORD = "correct horse battery staple";

	private final AccountService accounts;

	private final AccessTokens tokens;

	private final ReputationLedger ledger;

	public TestUsers(AccountService accounts, AccessTokens tokens, ReputationLedger ledger) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.ledger = ledger;
	}

	public TestUser create(Role... roles) {
		Set<Role> wanted = EnumSet.of(Role.MEMBER);
		wanted.addAll(java.util.List.of(roles));
		String name = (roles.length == 0) ? "member" : roles[0].id();
		String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.madang.dev";
		UserAccount account = this.accounts.ensureAccount(email, "Test " + name, PASSWORD, wanted)
			.block(Duration.ofSeconds(30));
		String token = this.tokens.issue(account.getId(), "test").block(Duration.ofSeconds(10)).secret();
		return new TestUser(account.getId(), email, token);
	}

	/** A new member with this much reputation (enough to vote from 15 up, to vote down from 125). */
	public TestUser withReputation(int reputation, Role... roles) {
		TestUser user = create(roles);
		// Through the ledger, like any earned reputation, so the reconciler agrees with it.
		this.ledger.record("test-grant:" + user.id(), user.id(), reputation - 1, "granted by a test", null, false)
			.block(Duration.ofSeconds(10));
		return user;
	}

	/**
	 * Many members at once, without the deliberately slow password hashing (they sign in with their tokens only):
	 * for tests that need hundreds of distinct voters.
	 */
	public java.util.List<TestUser> many(int count, int reputation, org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo) {
		return reactor.core.publisher.Flux.range(0, count).flatMap((i) -> {
			String email = "crowd-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.madang.dev";
			org.bson.Document user = new org.bson.Document("email", email).append("displayName", "Crowd " + i)
				.append("roles", java.util.List.of("MEMBER")).append("reputation", reputation)
				.append("externalIds", java.util.List.of()).append("createdAt", java.util.Date.from(java.time.Instant.now()));
			return mongo.insert(user, "users").flatMap((stored) -> {
				String id = stored.getObjectId("_id").toHexString();
				org.bson.Document grant = new org.bson.Document("_id", "test-grant:" + id).append("userId", id)
					.append("amount", reputation - 1).append("reason", "granted by a test").append("fromVotes", false)
					.append("at", java.util.Date.from(java.time.Instant.now()));
				return mongo.insert(grant, "reputation_events")
					.then(this.tokens.issue(id, "crowd"))
					.map((issued) -> new TestUser(id, email, issued.secret()));
			});
		}, 16).collectList().block(Duration.ofSeconds(120));
	}

	/** A test account: its id, email (password {@link #PASSWORD}) and a personal access token. */
	public record TestUser(String id, String email, String token) {

		public String bearer() {
			return "Bearer " + this.token;
		}

	}

}
