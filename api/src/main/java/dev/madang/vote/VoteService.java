package dev.madang.vote;

import dev.madang.reputation.ReputationProperties;
import java.time.Clock;

import dev.madang.answer.AnswerService;
import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.identity.CurrentUser;
import dev.madang.reputation.ReputationLedger;
import dev.madang.security.AccessRules;
import dev.madang.security.Privilege;
import dev.madang.post.PostProblems;
import dev.madang.thread.ThreadService;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Casting, changing and retracting votes, exactly once each. The vote document changes in one atomic
 * find-and-modify that returns its previous state; the post's score moves by the difference ({@code $inc}), and the
 * reputation ledger takes back the previous state's points and grants the new state's under causes unique to this
 * change. Every step is commutative, so any number of concurrent voters end with the exact score.
 */
@Service
public class VoteService {

	private final ReactiveMongoTemplate mongo;

	private final ThreadService threads;

	private final AnswerService answers;

	private final ReputationLedger ledger;

	private final AccessRules rules;

	private final Clock clock;

	private final Outbox outbox;

	VoteService(ReactiveMongoTemplate mongo, ThreadService threads, AnswerService answers, ReputationLedger ledger,
			AccessRules rules, Clock clock, Outbox outbox) {
		this.outbox = outbox;
		this.mongo = mongo;
		this.threads = threads;
		this.answers = answers;
		this.ledger = ledger;
		this.rules = rules;
		this.clock = clock;
	}

	/** Sets the user's vote on the post to {@code value} (+1, -1, or 0 to retract) and returns the post's score. */
	public Mono<VoteResult> cast(CurrentUser voter, PostType type, String postId, int value) {
		return authorOf(type, postId).flatMap((authorId) -> {
			if (authorId.equals(voter.id())) {
				return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "own-post", "Own post",
						"You cannot vote on your own post."));
			}
			Privilege needed = (value > 0) ? Privilege.VOTE_UP : Privilege.VOTE_DOWN;
			if (value != 0 && !this.rules.allows(voter, needed)) {
				return Mono.error(this.rules.tooLittleReputation(voter, needed, (value > 0) ? "Voting up" : "Voting down"));
			}
			return change(voter.id(), type, postId, authorId, value)
				.flatMap((change) -> recordPoints(change, type, authorId)
					.flatMap((points) -> applyEffects(change, points, type, postId, authorId, voter.id()))
					.then(this.outbox.relay(Vote.class, change.voteId(), change.event())))
				.then(score(type, postId))
				.map((score) -> new VoteResult(postId, score, value));
		});
	}

	/** Every vote, with the points it recorded (for the reconciler). */
	public reactor.core.publisher.Flux<Vote> all() {
		return this.mongo.findAll(Vote.class);
	}

	/** The post's score and the user's vote on it now. */
	public Mono<VoteResult> standing(String userId, PostType type, String postId) {
		return Mono.zip(score(type, postId), votesOf(userId, java.util.List.of(postId)))
			.map((found) -> new VoteResult(postId, found.getT1(), found.getT2().getOrDefault(postId, 0)));
	}

	/** The user's current votes on the given posts, by post id (posts without a vote are absent). */
	public Mono<java.util.Map<String, Integer>> votesOf(String userId, java.util.Collection<String> postIds) {
		java.util.List<String> ids = postIds.stream().map((postId) -> Vote.idFor(userId, postId)).toList();
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Vote.class)
			.filter((vote) -> vote.value() != 0)
			.collectMap(Vote::postId, Vote::value);
	}

	private Mono<String> authorOf(PostType type, String postId) {
		// Locked threads take no votes, on the question or its answers.
		Mono<String> author = (type == PostType.QUESTION)
				? this.threads.find(postId).filter((thread) -> !thread.isDeleted())
					.flatMap((thread) -> ThreadService.requireUnlocked(thread).thenReturn(thread.getAuthorId()))
				: this.answers.find(postId).filter((answer) -> !answer.isDeleted())
					.flatMap((answer) -> this.threads.find(answer.getThreadId())
						.flatMap(ThreadService::requireUnlocked)
						.thenReturn(answer.getAuthorId()));
		return author.switchIfEmpty(Mono.error(PostProblems::deleted));
	}

	private Mono<Integer> score(PostType type, String postId) {
		return (type == PostType.QUESTION) ? this.threads.find(postId).map((thread) -> thread.getScore())
				: this.answers.find(postId).map((answer) -> answer.getScore());
	}

	/** The reputation a vote of {@code value} is worth to the post's author and to the voter. */
	private Mono<Points> points(PostType type, String authorId, int value) {
		ReputationProperties rules = this.ledger.rules();
		if (value > 0) {
			int earned = (type == PostType.QUESTION) ? rules.questionUpvoted() : rules.answerUpvoted();
			return this.ledger.reserveVotePoints(authorId, earned)
				.map((grant) -> new Points(grant.points(), grant.day(), 0));
		}
		if (value < 0) {
			return Mono.just(new Points(rules.downvoted(), null, (type == PostType.ANSWER) ? rules.downvotingAnswer() : 0));
		}
		return Mono.just(Points.NONE);
	}

	/**
	 * Step 1: atomically replaces the vote's value unless it already has it, returning the state it replaced. The new
	 * state starts with no points; a repeated vote (same value) changes nothing and ends the pipeline.
	 */
	private Mono<Change> change(String voterId, PostType type, String postId, String authorId, int value) {
		String id = Vote.idFor(voterId, postId);
		Query differentValue = Query.query(Criteria.where("_id").is(id).and("value").ne(value));
		java.time.Instant now = this.clock.instant();
		DomainEvent event = DomainEvent.of((value == 0) ? EventType.VOTE_RETRACTED : EventType.VOTE_CAST, id,
				(type == PostType.QUESTION) ? postId : null, voterId, now, "postId", postId, "postType", type.name(),
				"postAuthorId", authorId, "value", value);
		Update update = Outbox.with(new Update(), event).set("value", value)
			.set("authorPoints", 0)
			.set("authorPointsDay", null)
			.set("voterPoints", 0)
			.set("updatedAt", now)
			.inc("seq", 1)
			.setOnInsert("userId", voterId)
			.setOnInsert("postId", postId)
			.setOnInsert("postType", type)
			.setOnInsert("postAuthorId", authorId);
		return this.mongo
			.findAndModify(differentValue, update, FindAndModifyOptions.options().upsert(true).returnNew(false),
					Vote.class)
			.map((before) -> new Change(id, before.value(), before.seq() + 1, before.authorPoints(),
					before.authorPointsDay(), before.voterPoints(), value, event))
			.defaultIfEmpty(new Change(id, 0, 1, 0, null, 0, value, event))
			// The upsert collided with an existing vote: either it already has this value (nothing to do) or a
			// concurrent first vote of the same user inserted it just now (try again as an update).
			.onErrorResume(DuplicateKeyException.class, (collision) -> this.mongo.findById(id, Vote.class)
				.filter((existing) -> existing.value() != value)
				.flatMap((existing) -> Mono.<Change>error(collision)))
			.retryWhen(Retry.max(5).filter(DuplicateKeyException.class::isInstance));
	}

	/**
	 * Step 2: works out what the new state is worth and stores it on the vote, but only while that state is still
	 * current. If a later change already replaced it, that change took back nothing for it, so it must grant nothing:
	 * the reservation under the daily cap is returned and the points are zero.
	 */
	private Mono<Points> recordPoints(Change change, PostType type, String authorId) {
		return points(type, authorId, change.newValue()).flatMap((points) -> {
			if (points.equals(Points.NONE)) {
				return Mono.just(points);
			}
			return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(change.voteId()).and("seq").is(change.seq())),
					new Update().set("authorPoints", points.author())
						.set("authorPointsDay", points.day())
						.set("voterPoints", points.voter()),
					Vote.class)
				.flatMap((result) -> (result.getModifiedCount() > 0) ? Mono.just(points)
						: this.ledger.releaseVotePoints(authorId, points.day(), points.author()).thenReturn(Points.NONE));
		});
	}

	private Mono<Void> applyEffects(Change change, Points points, PostType type, String postId, String authorId,
			String voterId) {
		int delta = change.newValue() - change.oldValue();
		Mono<Void> score = (delta == 0) ? Mono.empty()
				: (type == PostType.QUESTION) ? this.threads.adjustScore(postId, delta)
						: this.answers.adjustScore(postId, delta);
		String cause = "vote:" + change.voteId() + ":" + change.seq() + ":";
		return score
			.then(this.ledger.record(cause + "author-undo", authorId, -change.oldAuthorPoints(), "vote changed", postId,
					change.oldAuthorPoints() > 0))
			.then(this.ledger.releaseVotePoints(authorId, change.oldAuthorPointsDay(), change.oldAuthorPoints()))
			.then(this.ledger.record(cause + "voter-undo", voterId, -change.oldVoterPoints(), "vote changed", postId,
					false))
			.then(this.ledger.record(cause + "author", authorId, points.author(), reason(change.newValue()), postId,
					points.author() > 0))
			.then(this.ledger.record(cause + "voter", voterId, points.voter(), "downvoted an answer", postId, false));
	}

	private static String reason(int value) {
		return (value > 0) ? "upvoted" : "downvoted";
	}

	private record Change(String voteId, int oldValue, int seq, int oldAuthorPoints, String oldAuthorPointsDay,
			int oldVoterPoints, int newValue, DomainEvent event) {
	}

	/** What a vote is worth: to the author (and the day that counts toward the cap), and to the voter. */
	private record Points(int author, String day, int voter) {

		static final Points NONE = new Points(0, null, 0);

	}

	/** The post's score after the vote, and the caller's vote on it now. */
	public record VoteResult(String postId, int score, int myVote) {
	}

}
