package dev.madang.question;

import dev.madang.answer.AnswerService;
import dev.madang.answer.AnswerView;
import dev.madang.identity.CurrentUsers;
import dev.madang.thread.ThreadService;
import dev.madang.thread.ThreadView;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST resources for soft-deleting and undeleting questions and answers. */
@RestController
@RequestMapping(path = "/api/v1/threads/{threadId}", produces = MediaType.APPLICATION_JSON_VALUE)
class PostDeletionApi {

	private final PostDeletion deletion;

	private final CurrentUsers currentUsers;

	private final ThreadService threads;

	private final AnswerService answers;

	PostDeletionApi(PostDeletion deletion, CurrentUsers currentUsers, ThreadService threads, AnswerService answers) {
		this.deletion = deletion;
		this.currentUsers = currentUsers;
		this.threads = threads;
		this.answers = answers;
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> deleteThread(@PathVariable String threadId) {
		return this.currentUsers.current().flatMap((user) -> this.deletion.deleteThread(user, threadId));
	}

	@PostMapping("/undelete")
	Mono<ThreadView> undeleteThread(@PathVariable String threadId) {
		return this.currentUsers.current()
			.flatMap((user) -> this.deletion.undeleteThread(user, threadId))
			.map((thread) -> ThreadView.of(thread, this.threads.bodyHtml(thread)));
	}

	@DeleteMapping("/answers/{answerId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> deleteAnswer(@PathVariable String threadId, @PathVariable String answerId) {
		return this.currentUsers.current().flatMap((user) -> this.deletion.deleteAnswer(user, threadId, answerId));
	}

	@PostMapping("/answers/{answerId}/undelete")
	Mono<AnswerView> undeleteAnswer(@PathVariable String threadId, @PathVariable String answerId) {
		return this.currentUsers.current()
			.flatMap((user) -> this.deletion.undeleteAnswer(user, threadId, answerId))
			.flatMap((answer) -> this.threads.find(threadId).map((thread) -> AnswerView.of(answer,
					this.answers.bodyHtml(answer), thread.getAcceptedAnswerId(), thread.getSolutionMarkedBy() != null)));
	}

}
