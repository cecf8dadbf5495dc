package dev.madang.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.identity.AccountService;
import dev.madang.identity.CurrentUser;
import dev.madang.identity.Restriction;
import dev.madang.post.Hold;
import dev.madang.problem.ProblemException;
import dev.madang.thread.ThreadService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Raising flags: one open flag per member per post, weighted by {@link FlagWeights}; the post comes to the review
 * queue, and once its spam and abuse flags weigh enough it is hidden pending review. A member with several posts
 * hidden as spam this way is silenced until a moderator looks.
 */
@Service
class Flags {

	private final ReactiveMongoTemplate mongo;

	private final Outbox outbox;

	private final ModeratedPosts posts;

	private final ReviewQueue queue;

	private final ThreadService threads;

	private final AccountService accounts;

	private final FlagWeights weights;

	private final ModerationProperties settings;

	private final Clock clock;

	Flags(ReactiveMongoTemplate mongo, Outbox outbox, ModeratedPosts posts, ReviewQueue queue, ThreadService threads,
			AccountService accounts, ModerationProperties settings, Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.posts = posts;
		this.queue = queue;
		this.threads = threads;
		this.accounts = accounts;
		this.settings = settings;
		this.weights = new FlagWeights(settings);
		this.clock = clock;
	}

	/** What a member says is wrong with a post. */
	record FlagRequest(String postType, String postId, String reason, String text, String duplicateOf) {
	}

	Mono<Flag> raise(CurrentUser flagger, FlagRequest request) {
		PostRef ref = new PostRef(request.postType(), request.postId());
		FlagReason reason = FlagReason.of(request.reason());
		String text = (request.text() == null) ? null : request.text().strip();
		if (reason == FlagReason.OTHER && (text == null || text.isEmpty())) {
			return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "flag-text-missing", "Say what is wrong",
					"A flag for something else needs a few words on what is wrong."));
		}
		if (text != null && text.length() > 500) {
			return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "flag-text-too-long", "Too long",
					"Keep the flag's text under 500 characters."));
		}
		return this.posts.find(ref)
			.onErrorMap((missing) -> missing instanceof ProblemException problem
					&& problem.getStatusCode().value() == 404,
					(missing) -> new ProblemException(HttpStatus.NOT_FOUND, "post-not-found", "No such post",
							"There is no " + ref.type() + " " + ref.id() + " to flag."))
			.flatMap((post) -> {
				if (post.deleted()) {
					return Mono.error(new ProblemException(HttpStatus.CONFLICT, "post-deleted", "Post deleted",
							"This post is deleted already; there is nothing to flag."));
				}
				if (post.authorId().equals(flagger.id())) {
					return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "own-post-flag", "Own post",
							"You cannot flag your own post; edit or delete it instead."));
				}
				return duplicateTarget(reason, ref, request.duplicateOf())
					.then(history(flagger.id()))
					.flatMap((history) -> record(flagger, post, reason, text, request.duplicateOf(),
							this.weights.of(flagger, history.agreed(), history.decided())));
			});
	}

	private Mono<Void> duplicateTarget(FlagReason reason, PostRef ref, String duplicateOf) {
		if (reason != FlagReason.DUPLICATE) {
			return Mono.empty();
		}
		if (!ref.type().equals("question") || duplicateOf == null || duplicateOf.isBlank()) {
			return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "duplicate-target-missing",
					"Which question does it duplicate?", "A duplicate flag is for a question and names the question "
							+ "it duplicates."));
		}
		if (duplicateOf.strip().equals(ref.id())) {
			return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "duplicate-of-itself", "Points to itself",
					"A question cannot duplicate itself."));
		}
		return this.threads.find(duplicateOf.strip())
			.onErrorMap((missing) -> new ProblemException(HttpStatus.BAD_REQUEST, "target-not-found", "No such question",
					"There is no question " + duplicateOf.strip() + "."))
			.then();
	}

	private Mono<Flag> record(CurrentUser flagger, ModeratedPost post, FlagReason reason, String text,
			String duplicateOf, double weight) {
		Instant now = this.clock.instant();
		Flag flag = new Flag(null, post.ref().type(), post.ref().id(), post.threadId(), post.authorId(), flagger.id(),
				reason.id(), text, (duplicateOf == null || duplicateOf.isBlank()) ? null : duplicateOf.strip(), weight,
				Flag.OPEN, now, null, null, Flag.openKey(flagger.id(), post.ref().id()));
		return this.outbox.insertAndRelay(flag, (id) -> List.of(DomainEvent.of(EventType.FLAG_RAISED, id, post.threadId(),
				flagger.id(), now, "postType", post.ref().type(), "postId", post.ref().id(), "reason", reason.id(),
				"weight", weight, "postAuthorId", post.authorId())))
			.onErrorMap(DuplicateKeyException.class, (twice) -> new ProblemException(HttpStatus.CONFLICT,
					"already-flagged", "Flagged already", "You have an open flag on this post; a moderator will look at it."))
			.flatMap((saved) -> this.queue.open(ReviewKind.FLAGGED, post, Map.of())
				.then(hideIfHeavy(post))
				.thenReturn(saved));
	}

	/** Hides the post once its open spam and abuse flags weigh enough; then checks its author for repeated spam. */
	private Mono<Void> hideIfHeavy(ModeratedPost post) {
		if (post.hidden()) {
			return Mono.empty();
		}
		return openFlags(post.ref().id()).filter((flag) -> FlagReason.of(flag.reason()).hides()).collectList()
			.flatMap((flags) -> {
				double weight = flags.stream().mapToDouble(Flag::weight).sum();
				if (!this.weights.hides(weight)) {
					return Mono.empty();
				}
				String reason = heaviest(flags);
				Hold hold = new Hold(Hold.FLAGS, reason, "community", this.clock.instant());
				return this.posts.hide(post.ref(), hold)
					.flatMap((hid) -> (hid && reason.equals(FlagReason.SPAM.id())) ? silenceIfRepeated(post.authorId())
							: Mono.empty());
			});
	}

	private static String heaviest(List<Flag> flags) {
		double spam = flags.stream().filter((flag) -> flag.reason().equals("spam")).mapToDouble(Flag::weight).sum();
		double rude = flags.stream().filter((flag) -> flag.reason().equals("rude")).mapToDouble(Flag::weight).sum();
		return (spam >= rude) ? "spam" : "rude";
	}

	/**
	 * Silences a member (until a moderator looks) once {@code auto-silence-after} of their posts are hidden by spam
	 * flags that are open or were agreed.
	 */
	private Mono<Void> silenceIfRepeated(String authorId) {
		Query spam = Query.query(Criteria.where("postAuthorId").is(authorId).and("reason").is("spam")
			.and("status").in(Flag.OPEN, Flag.AGREED));
		return this.mongo.findDistinct(spam, "postId", Flag.class, String.class).collectList()
			.flatMap(this::hiddenCount)
			.flatMap((hidden) -> {
				if (hidden < this.settings.autoSilenceAfter()) {
					return Mono.empty();
				}
				Instant now = this.clock.instant();
				Restriction silence = new Restriction(Restriction.SILENCED, "Several of your posts were hidden as spam "
						+ "by other members. A moderator will look at them soon.", null, "system", now);
				return this.accounts.find(authorId)
					.filter((account) -> account.restrictionAt(now) == null)
					.flatMap((account) -> this.accounts.restrict(authorId, silence))
					.flatMap((account) -> this.queue.openForMember(ReviewKind.SILENCED, authorId,
							"Silenced automatically: " + hidden + " posts hidden as spam.", Map.of("hiddenPosts", hidden),
							ReviewKind.SILENCED.id() + ":" + authorId))
					.then();
			});
	}

	private Mono<Long> hiddenCount(List<String> postIds) {
		return Flux.fromIterable(postIds)
			.flatMap((postId) -> this.mongo.findOne(Query.query(Criteria.where("postId").is(postId)), Flag.class)
				.flatMap((flag) -> this.posts.find(new PostRef(flag.postType(), postId)))
				.filter(ModeratedPost::hidden))
			.count();
	}

	Flux<Flag> openFlags(String postId) {
		return this.mongo.find(Query.query(Criteria.where("postId").is(postId).and("status").is(Flag.OPEN)), Flag.class);
	}

	/** Decides every open flag on the post ({@code agreed} or {@code disagreed}), each with its event. */
	Mono<Void> decide(String postId, String moderatorId, String outcome) {
		Instant now = this.clock.instant();
		return openFlags(postId).concatMap((flag) -> {
			DomainEvent resolved = DomainEvent.of(EventType.FLAG_RESOLVED, flag.id(), flag.threadId(), moderatorId, now,
					"outcome", outcome, "flaggerId", flag.flaggerId(), "postId", postId, "postType", flag.postType(),
					"reason", flag.reason(), "raisedAt", flag.at().toString());
			Update update = new Update().set("status", outcome).set("decidedBy", moderatorId).set("decidedAt", now)
				.unset("openKey");
			return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(flag.id()).and("status").is(Flag.OPEN)),
					Outbox.with(update, resolved), Flag.class)
				.flatMap((result) -> (result.getModifiedCount() == 0) ? Mono.empty()
						: this.outbox.relay(Flag.class, flag.id(), resolved));
		}).then();
	}

	/** A member's flags, newest first, with their outcomes. */
	Flux<Flag> of(String flaggerId) {
		return this.mongo.find(Query.query(Criteria.where("flaggerId").is(flaggerId))
			.with(Sort.by(Sort.Direction.DESC, "at")).limit(100), Flag.class);
	}

	/** Decided flags (for the figures). */
	Flux<Flag> decided() {
		return this.mongo.find(Query.query(Criteria.where("status").in(Flag.AGREED, Flag.DISAGREED)), Flag.class);
	}

	Mono<Long> countOpen() {
		return this.mongo.count(Query.query(Criteria.where("status").is(Flag.OPEN)), Flag.class);
	}

	private Mono<History> history(String flaggerId) {
		Criteria mine = Criteria.where("flaggerId").is(flaggerId);
		return Mono.zip(this.mongo.count(Query.query(Criteria.where("flaggerId").is(flaggerId).and("status").is(Flag.AGREED)),
				Flag.class), this.mongo.count(Query.query(mine.and("status").in(Flag.AGREED, Flag.DISAGREED)), Flag.class))
			.map((counts) -> new History(counts.getT1(), counts.getT2()));
	}

	private record History(long agreed, long decided) {
	}

}
