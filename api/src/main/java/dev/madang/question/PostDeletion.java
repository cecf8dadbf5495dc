package dev.madang.question;

import dev.madang.answer.Answer;
import dev.madang.answer.AnswerService;
import dev.madang.identity.CurrentUser;
import dev.madang.identity.Role;
import dev.madang.revision.Deletion;
import dev.madang.security.AccessRules;
import dev.madang.thread.ForumThread;
import dev.madang.post.PostProblems;
import dev.madang.thread.ThreadService;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Soft delete and undelete, Stack Overflow's rules: authors delete their own posts, except an accepted answer, or a
 * question whose answers were accepted or voted up (those help others; a moderator decides). Moderators delete any
 * post but an accepted answer. An author undeletes what they deleted themselves; what a moderator deleted, only a
 * moderator brings back. Deleting twice, or undeleting a visible post, changes nothing.
 */
@Service
public class PostDeletion {

	private final ThreadService threads;

	private final AnswerService answers;

	PostDeletion(ThreadService threads, AnswerService answers) {
		this.threads = threads;
		this.answers = answers;
	}

	public Mono<Void> deleteThread(CurrentUser user, String threadId) {
		return this.threads.find(threadId).flatMap((thread) -> {
			if (thread.isDeleted()) {
				return Mono.empty();
			}
			if (!AccessRules.mayModify(user, thread.getAuthorId())) {
				return Mono.error(PostProblems.notYours("delete"));
			}
			return (isModerator(user) ? Mono.<Void>empty() : questionMayGo(thread))
				.then(this.threads.markDeleted(threadId, user.id()))
				.then();
		});
	}

	public Mono<ForumThread> undeleteThread(CurrentUser user, String threadId) {
		return this.threads.find(threadId).flatMap((thread) -> !thread.isDeleted() ? Mono.just(thread)
				: requireMayUndelete(user, thread.getAuthorId(), thread.getDeletion())
					.then(this.threads.restore(threadId, user.id())));
	}

	public Mono<Void> deleteAnswer(CurrentUser user, String threadId, String answerId) {
		return Mono.zip(this.threads.find(threadId), this.answers.findIn(threadId, answerId)).flatMap((found) -> {
			ForumThread thread = found.getT1();
			Answer answer = found.getT2();
			if (answer.isDeleted()) {
				return Mono.empty();
			}
			if (!AccessRules.mayModify(user, answer.getAuthorId())) {
				return Mono.error(PostProblems.notYours("delete"));
			}
			if (answerId.equals(thread.getAcceptedAnswerId())) {
				return Mono.error(new ProblemException(HttpStatus.CONFLICT, "answer-accepted", "Accepted answer",
						"The accepted answer solves this question for others too, so it cannot be deleted."));
			}
			return this.answers.markDeleted(answer, user.id()).then();
		});
	}

	public Mono<Answer> undeleteAnswer(CurrentUser user, String threadId, String answerId) {
		return this.answers.findIn(threadId, answerId).flatMap((answer) -> !answer.isDeleted() ? Mono.just(answer)
				: requireMayUndelete(user, answer.getAuthorId(), answer.getDeletion())
					.then(this.answers.restore(answer, user.id()))
					.then(this.answers.find(answerId)));
	}

	/** An author may not take away a question others' answers already help with. */
	private Mono<Void> questionMayGo(ForumThread thread) {
		if (thread.getAcceptedAnswerId() != null) {
			return Mono.error(keptForOthers());
		}
		return this.answers.forThread(thread)
			.filter((answer) -> !answer.isDeleted() && answer.getScore() > 0)
			.hasElements()
			.flatMap((helpful) -> helpful ? Mono.error(keptForOthers()) : Mono.empty());
	}

	/** Moderators undelete anything; an author only what they deleted themselves. */
	static boolean mayUndelete(CurrentUser user, String authorId, Deletion deletion) {
		boolean ownDeletion = user.id().equals(authorId) && deletion != null && user.id().equals(deletion.deletedBy());
		return ownDeletion || isModerator(user);
	}

	private static Mono<Void> requireMayUndelete(CurrentUser user, String authorId, Deletion deletion) {
		if (mayUndelete(user, authorId, deletion)) {
			return Mono.empty();
		}
		return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "undelete-not-allowed", "Cannot undelete",
				"Only a moderator, or the author who deleted it, can undelete this post."));
	}

	private static ProblemException keptForOthers() {
		return new ProblemException(HttpStatus.CONFLICT, "question-helps-others", "Question has helpful answers",
				"This question has an accepted or upvoted answer that helps others, so only a moderator can delete it.");
	}

	private static boolean isModerator(CurrentUser user) {
		return AccessRules.hasRole(user, Role.MODERATOR);
	}

}
