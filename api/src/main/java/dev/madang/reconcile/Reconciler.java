package dev.madang.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.madang.answer.AnswerService;
import dev.madang.identity.AccountService;
import dev.madang.post.PostScore;
import dev.madang.reputation.ReputationLedger;
import dev.madang.reputation.ReputationProperties;
import dev.madang.thread.ThreadService;
import dev.madang.vote.Vote;
import dev.madang.vote.VoteService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Repairs what a crash between the steps of a vote or an acceptance can leave behind, recomputing from the sources
 * through each owner's API: scores = imported score + the sum of the votes; the ledger gets one corrective entry per
 * user whose vote and acceptance entries disagree with the votes' recorded points and the accepted answers; totals =
 * initial + the sum of the ledger. Running it again finds nothing to do.
 */
@Service
public class Reconciler {

	private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

	private final VoteService votes;

	private final ThreadService threads;

	private final AnswerService answers;

	private final ReputationLedger ledger;

	private final AccountService accounts;

	private final ReputationProperties rules;

	Reconciler(VoteService votes, ThreadService threads, AnswerService answers, ReputationLedger ledger,
			AccountService accounts, ReputationProperties rules) {
		this.votes = votes;
		this.threads = threads;
		this.answers = answers;
		this.ledger = ledger;
		this.accounts = accounts;
		this.rules = rules;
	}

	public Mono<Reconciliation> run() {
		return this.votes.all().collectList().flatMap((all) -> {
			Map<String, Integer> scores = new HashMap<>();
			Map<String, Integer> earned = new HashMap<>();
			for (Vote vote : all) {
				scores.merge(vote.postId(), vote.value(), Integer::sum);
				earned.merge(vote.postAuthorId(), vote.authorPoints(), Integer::sum);
				earned.merge(vote.userId(), vote.voterPoints(), Integer::sum);
			}
			List<String> drift = new ArrayList<>();
			String run = UUID.randomUUID().toString();
			return fixScores("question", this.threads.scores(), this.threads::setScore, scores, drift)
				.zipWith(fixScores("answer", this.answers.scores(), this.answers::setScore, scores, drift))
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
	private static Mono<int[]> fixScores(String kind, Flux<PostScore> stored,
			java.util.function.BiFunction<String, Integer, Mono<Void>> setScore, Map<String, Integer> scores,
			List<String> drift) {
		int[] counts = new int[2];
		return stored.concatMap((post) -> {
			counts[0]++;
			int expected = post.importedScore() + scores.getOrDefault(post.postId(), 0);
			if (post.score() == expected) {
				return Mono.empty();
			}
			counts[1]++;
			synchronized (drift) {
				drift.add(kind + " " + post.postId() + ": score " + post.score() + " → " + expected);
			}
			return setScore.apply(post.postId(), expected);
		}).then(Mono.fromSupplier(() -> counts));
	}

	private Mono<Void> acceptanceEarnings(Map<String, Integer> earned) {
		return this.threads.solved()
			.concatMap((thread) -> this.answers.find(thread.getAcceptedAnswerId())
				.onErrorResume((missing) -> Mono.empty())
				.doOnNext((answer) -> {
					String answerer = answer.getAuthorId();
					String asker = thread.getAuthorId();
					earned.merge(answerer, this.rules.answerAccepted(), Integer::sum);
					if (thread.getSolutionMarkedBy() == null && !Objects.equals(answerer, asker)) {
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
			return Flux.fromIterable(difference.entrySet())
				.filter((entry) -> entry.getKey() != null && entry.getValue() != 0)
				.concatMap((entry) -> {
					drift.add("ledger " + entry.getKey() + ": " + ((entry.getValue() > 0) ? "+" : "") + entry.getValue()
							+ " missing from votes and acceptances");
					return this.ledger.recordCorrection("reconcile:" + run + ":" + entry.getKey(), entry.getKey(),
							entry.getValue());
				})
				.then();
		});
	}

	/** Sum of ledger entries per user: all of them, or only those caused by votes, acceptances and corrections. */
	private Mono<Map<String, Integer>> ledgerSums(boolean derivedOnly) {
		return this.ledger.entries()
			.filter((entry) -> !derivedOnly || entry.cause().startsWith("vote:") || entry.cause().startsWith("accept:")
					|| entry.cause().startsWith("reconcile:"))
			.reduce(new HashMap<String, Integer>(), (sums, entry) -> {
				sums.merge(entry.userId(), entry.amount(), Integer::sum);
				return sums;
			});
	}

	/** Returns {checked, fixed}. */
	private Mono<int[]> fixReputations(List<String> drift) {
		int[] counts = new int[2];
		return ledgerSums(false).flatMapMany((sums) -> this.accounts.standings(this.rules.initial()).concatMap((user) -> {
			counts[0]++;
			int expected = this.rules.initial() + sums.getOrDefault(user.userId(), 0);
			if (user.reputation() == expected) {
				return Mono.empty();
			}
			counts[1]++;
			drift.add("user " + user.userId() + ": reputation " + user.reputation() + " → " + expected);
			return this.accounts.setReputation(user.userId(), expected);
		})).then(Mono.fromSupplier(() -> counts));
	}

}
