package dev.madang.reputation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.madang.identity.AccountService;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Recomputes what the incremental steps maintain and repairs and reports any difference. Steps of one user action
 * touch several documents without a transaction; a crash between them leaves drift that this run removes:
 * <ul>
 * <li>a post's score is the sum of its votes;</li>
 * <li>the ledger must hold, per user, the points the votes record and the accepted answers are worth; a shortfall or
 * excess gets one corrective ledger entry (the ledger stays append-only);</li>
 * <li>a user's reputation is the initial value plus the sum of their ledger entries.</li>
 * </ul>
 */
@Service
public class ReputationReconciler {

	private static final Logger log = LoggerFactory.getLogger(ReputationReconciler.class);

	private final ReactiveMongoTemplate mongo;

	private final AccountService accounts;

	private final ReputationProperties rules;

	private final java.time.Clock clock;

	ReputationReconciler(ReactiveMongoTemplate mongo, AccountService accounts, ReputationProperties rules,
			java.time.Clock clock) {
		this.mongo = mongo;
		this.accounts = accounts;
		this.rules = rules;
		this.clock = clock;
	}

	public Mono<Reconciliation> run() {
		return this.mongo.findAll(Document.class, "votes").collectList().flatMap((votes) -> {
			Map<String, Integer> scores = new HashMap<>();
			Map<String, Integer> earned = new HashMap<>();
			for (Document vote : votes) {
				scores.merge(vote.getString("postId"), vote.getInteger("value", 0), Integer::sum);
				earned.merge(vote.getString("postAuthorId"), vote.getInteger("authorPoints", 0), Integer::sum);
				earned.merge(vote.getString("userId"), vote.getInteger("voterPoints", 0), Integer::sum);
			}
			List<String> drift = new ArrayList<>();
			String run = java.util.UUID.randomUUID().toString();
			return fixScores("threads", "question", scores, drift)
				.zipWith(fixScores("answers", "answer", scores, drift))
				.flatMap((posts) -> acceptanceEarnings(earned)
					.then(fixLedger(run, earned, drift))
					.then(fixReputations(drift))
					.map((users) -> new Reconciliation(posts.getT1()[0] + posts.getT2()[0],
							posts.getT1()[1] + posts.getT2()[1], users[0], users[1], List.copyOf(drift))));
		}).doOnNext((result) -> {
			if (!result.drift().isEmpty()) {
				log.warn("Reconciliation repaired drift: {}", result.drift());
			}
		});
	}

	/** Returns {checked, fixed}. */
	private Mono<int[]> fixScores(String collection, String kind, Map<String, Integer> scores, List<String> drift) {
		int[] counts = new int[2];
		Query all = new Query();
		all.fields().include("_id").include("score").include("importedScore");
		return this.mongo.find(all, Document.class, collection).concatMap((post) -> {
			counts[0]++;
			String id = post.getObjectId("_id").toHexString();
			int stored = post.getInteger("score", 0);
			int expected = post.getInteger("importedScore", 0) + scores.getOrDefault(id, 0);
			if (stored == expected) {
				return Mono.empty();
			}
			counts[1]++;
			synchronized (drift) {
				drift.add(kind + " " + id + ": score " + stored + " → " + expected);
			}
			return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(post.get("_id"))),
					new Update().set("score", expected), collection);
		}).then(Mono.fromSupplier(() -> counts));
	}

	private Mono<Void> acceptanceEarnings(Map<String, Integer> earned) {
		Query solved = Query.query(Criteria.where("acceptedAnswerId").ne(null));
		return this.mongo.find(solved, Document.class, "threads")
			.concatMap((thread) -> this.mongo.findById(new org.bson.types.ObjectId(thread.getString("acceptedAnswerId")),
					Document.class, "answers").doOnNext((answer) -> {
						String answerer = answer.getString("authorId");
						String asker = thread.getString("authorId");
						earned.merge(answerer, this.rules.answerAccepted(), Integer::sum);
						if (thread.getString("solutionMarkedBy") == null && !Objects.equals(answerer, asker)) {
							earned.merge(asker, this.rules.accepting(), Integer::sum);
						}
					}))
			.then();
	}

	/** Adds one corrective entry per user whose vote and acceptance entries do not add up to what the sources say. */
	private Mono<Void> fixLedger(String run, Map<String, Integer> expected, List<String> drift) {
		return ledgerSums(true).flatMap((recorded) -> {
			Map<String, Integer> difference = new HashMap<>();
			expected.forEach((user, points) -> difference.merge(user, points, Integer::sum));
			recorded.forEach((user, points) -> difference.merge(user, -points, Integer::sum));
			return reactor.core.publisher.Flux.fromIterable(difference.entrySet())
				.filter((entry) -> entry.getKey() != null && entry.getValue() != 0)
				.concatMap((entry) -> {
					drift.add("ledger " + entry.getKey() + ": " + ((entry.getValue() > 0) ? "+" : "") + entry.getValue()
							+ " missing from votes and acceptances");
					return this.mongo.insert(new ReputationEvent("reconcile:" + run + ":" + entry.getKey(), entry.getKey(),
							entry.getValue(), "reconciled", null, false, this.clock.instant()));
				})
				.then();
		});
	}

	/** Sum of ledger entries per user: all of them, or only those caused by votes, acceptances and corrections. */
	private Mono<Map<String, Integer>> ledgerSums(boolean derivedOnly) {
		return this.mongo.findAll(ReputationEvent.class)
			.filter((event) -> !derivedOnly || event.cause().startsWith("vote:") || event.cause().startsWith("accept:")
					|| event.cause().startsWith("reconcile:"))
			.reduce(new HashMap<String, Integer>(), (sums, event) -> {
				sums.merge(event.userId(), event.amount(), Integer::sum);
				return sums;
			});
	}

	/** Returns {checked, fixed}. */
	private Mono<int[]> fixReputations(List<String> drift) {
		int[] counts = new int[2];
		Query all = new Query();
		all.fields().include("_id").include("reputation");
		return ledgerSums(false).flatMapMany((ledger) -> this.mongo.find(all, Document.class, "users").concatMap((user) -> {
			counts[0]++;
			String id = user.getObjectId("_id").toHexString();
			int stored = user.getInteger("reputation", this.rules.initial());
			int expected = this.rules.initial() + ledger.getOrDefault(id, 0);
			if (stored == expected) {
				return Mono.empty();
			}
			counts[1]++;
			drift.add("user " + id + ": reputation " + stored + " → " + expected);
			return this.accounts.setReputation(id, expected);
		})).then(Mono.fromSupplier(() -> counts));
	}

}
