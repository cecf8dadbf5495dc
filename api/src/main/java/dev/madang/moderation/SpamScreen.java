package dev.madang.moderation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.madang.identity.AccountService;
import dev.madang.post.Hold;
import dev.madang.post.PostScreening;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The spam defence in front of every new post: a new member's limits (links per post, questions and replies per
 * day, time between posts) refuse with a clear problem; the {@link SpamRules} hold a suspicious post for review. Staff
 * are never limited or held.
 */
@Component
class SpamScreen implements PostScreening {

	private static final Duration REPEAT_WINDOW = Duration.ofDays(7);

	private final ReactiveMongoTemplate mongo;

	private final AccountService accounts;

	private final ModerationProperties settings;

	private final SpamRules rules;

	private final Clock clock;

	SpamScreen(ReactiveMongoTemplate mongo, AccountService accounts, ModerationProperties settings, Clock clock) {
		this.mongo = mongo;
		this.accounts = accounts;
		this.settings = settings;
		this.rules = SpamRules.withBundledPhrases(settings.spam());
		this.clock = clock;
	}

	@Override
	public Mono<Optional<Hold>> screen(String authorId, boolean staff, String postType, String text, Duration composeTime) {
		if (staff) {
			return Mono.just(Optional.empty());
		}
		Instant now = this.clock.instant();
		String hash = hash(text);
		return Mono.zip(this.accounts.find(authorId), history(authorId), repeats(hash, now)).flatMap((found) -> {
			var account = found.getT1();
			List<PostingEntry> history = found.getT2();
			boolean newMember = account.getCreatedAt() == null
					|| account.getCreatedAt().isAfter(now.minus(this.settings.newMembers().period()));
			Mono<Void> limits = newMember ? checkLimits(history, postType, text, now) : Mono.empty();
			Instant windowStart = now.minus(this.settings.spam().velocityWindow());
			long recent = history.stream().filter((entry) -> entry.at().isAfter(windowStart)).count();
			SpamRules.Verdict verdict = this.rules.judge(new SpamRules.Signals(text, newMember, found.getT3(), recent,
					composeTime));
			return limits.then(this.mongo.insert(new PostingEntry(null, authorId, postType, now, hash)))
				.thenReturn(verdict.hold()
						? Optional.of(new Hold(Hold.HELD, String.join(", ", verdict.reasons()), "spam-rules", now))
						: Optional.<Hold>empty());
		});
	}

	/**
	 * The member's posts of the last day, newest first. One query on {@code authorId} alone (an equality on one
	 * indexed field is what the embedded storage answers from its index), times compared here.
	 */
	private Mono<List<PostingEntry>> history(String authorId) {
		Instant dayAgo = this.clock.instant().minus(Duration.ofDays(1));
		return this.mongo.find(Query.query(Criteria.where("authorId").is(authorId)), PostingEntry.class)
			.filter((entry) -> entry.at().isAfter(dayAgo))
			.sort(Comparator.comparing(PostingEntry::at).reversed())
			.collectList();
	}

	private Mono<Void> checkLimits(List<PostingEntry> history, String postType, String text, Instant now) {
		ModerationProperties.NewMemberLimits limits = this.settings.newMembers();
		if (SpamRules.links(text) > limits.linksPerPost()) {
			return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "too-many-links", "Too many links",
					"New members may put " + limits.linksPerPost() + " links in a post during their first days."));
		}
		if (!history.isEmpty()) {
			Duration since = Duration.between(history.get(0).at(), now);
			if (since.compareTo(limits.timeBetweenPosts()) < 0) {
				long wait = Math.max(1, limits.timeBetweenPosts().minus(since).toSeconds());
				return Mono.error(new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "posting-too-fast",
						"Posting too fast", "New members wait " + limits.timeBetweenPosts().toSeconds()
								+ " seconds between posts; try again in " + wait + " seconds.")
					.withHeader("Retry-After", Long.toString(wait)));
			}
		}
		boolean question = postType.equals("question");
		long sent = history.stream().filter((entry) -> question == entry.postType().equals("question")).count();
		int allowed = question ? limits.questionsPerDay() : limits.repliesPerDay();
		if (sent < allowed) {
			return Mono.empty();
		}
		return Mono.error(new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "new-member-limit",
				"Daily limit for new members", "New members may post " + allowed + " "
						+ (question ? "questions" : "answers and comments") + " a day at first; "
						+ "the limit goes once you have been here a while.")
			.withHeader("Retry-After", "3600"));
	}

	/** Posts with the same text in the last week (one query on the indexed hash, times compared here). */
	private Mono<Long> repeats(String hash, Instant now) {
		Instant since = now.minus(REPEAT_WINDOW);
		return this.mongo.find(Query.query(Criteria.where("textHash").is(hash)), PostingEntry.class)
			.filter((entry) -> entry.at().isAfter(since))
			.count();
	}

	/** How many posts the member sent through the screen (for the first-posts review). */
	Mono<Long> postsBy(String authorId) {
		return this.mongo.count(Query.query(Criteria.where("authorId").is(authorId)), PostingEntry.class);
	}

	private static String hash(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(SpamRules.squeeze(text).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
