package dev.madang.answer;

import dev.madang.identity.CurrentUser;
import dev.madang.identity.Role;
import dev.madang.reputation.ReputationLedger;
import dev.madang.security.AccessRules;
import dev.madang.thread.ForumThread;
import dev.madang.post.PostProblems;
import dev.madang.thread.ThreadService;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The asker accepts an answer, or a moderator marks one as the solution. Acceptance rewards the answer's author
 * (and the asker, for accepting someone else's answer); choosing another answer takes the earlier rewards back.
 * Each change has its own ledger causes (the thread's acceptance sequence), so retries never pay twice.
 */
@Service
public class AcceptAnswer {

	private final ThreadService threads;

	private final AnswerService answers;

	private final ReputationLedger ledger;

	AcceptAnswer(ThreadService threads, AnswerService answers, ReputationLedger ledger) {
		this.threads = threads;
		this.answers = answers;
		this.ledger = ledger;
	}

	public Mono<ForumThread> accept(CurrentUser user, String threadId, String answerId) {
		return Mono.zip(this.threads.find(threadId), this.answers.find(answerId)).flatMap((found) -> {
			ForumThread thread = found.getT1();
			Answer answer = found.getT2();
			if (!answer.getThreadId().equals(threadId)) {
				return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "answer-not-in-thread",
						"Answer belongs to another thread", "That answer does not belong to this thread."));
			}
			if (answer.isDeleted()) {
				return Mono.error(PostProblems.deleted());
			}
			boolean asker = user.id().equals(thread.getAuthorId());
			if (!asker && !AccessRules.hasRole(user, Role.MODERATOR)) {
				return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "not-the-asker", "Only the asker",
						"Only the person who asked, or a moderator, can choose the solution."));
			}
			if (answerId.equals(thread.getAcceptedAnswerId())) {
				return Mono.just(thread);
			}
			String markedBy = asker ? null : user.id();
			return this.threads.markSolved(thread, answerId, answer.getAuthorId(), markedBy)
				.flatMap((before) -> rewards(before, answer, markedBy == null))
				.then(this.threads.find(threadId));
		});
	}

	private Mono<Void> rewards(ForumThread before, Answer accepted, boolean byAsker) {
		int seq = before.getAcceptSeq() + 1;
		String prefix = "accept:" + before.getId() + ":" + seq + ":";
		var rules = this.ledger.rules();
		Mono<Void> takeBack = Mono.empty();
		if (before.getAcceptedAnswerId() != null) {
			takeBack = this.answers.find(before.getAcceptedAnswerId()).flatMap((previous) -> this.ledger
				.record(prefix + "unaccepted", previous.getAuthorId(), -rules.answerAccepted(), "answer unaccepted",
						previous.getId(), false)
				.then(askerReward(before, previous, before.getSolutionMarkedBy() == null)
					? this.ledger.record(prefix + "unaccepting", before.getAuthorId(), -rules.accepting(),
							"unaccepted an answer", previous.getId(), false)
					: Mono.empty()));
		}
		Mono<Void> give = this.ledger.record(prefix + "accepted", accepted.getAuthorId(), rules.answerAccepted(),
				"answer accepted", accepted.getId(), false);
		if (askerReward(before, accepted, byAsker)) {
			give = give.then(this.ledger.record(prefix + "accepting", before.getAuthorId(), rules.accepting(),
					"accepted an answer", accepted.getId(), false));
		}
		return takeBack.then(give);
	}

	/** The asker earns for accepting someone else's answer, never their own, and not when staff chose it. */
	private static boolean askerReward(ForumThread thread, Answer answer, boolean byAsker) {
		return byAsker && !answer.getAuthorId().equals(thread.getAuthorId());
	}

}
