package dev.madang.answer;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import dev.madang.identity.CurrentUser;
import dev.madang.identity.CurrentUsers;
import dev.madang.revision.RevisionHistory;
import dev.madang.thread.ForumThread;
import dev.madang.thread.ThreadService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST resources for a thread's answers and its accepted answer. */
@RestController
@RequestMapping(path = "/api/v1/threads/{threadId}", produces = MediaType.APPLICATION_JSON_VALUE)
class AnswerApi {

	private final AnswerService answers;

	private final AcceptAnswer acceptAnswer;

	private final ThreadService threads;

	private final CurrentUsers currentUsers;

	private final RevisionHistory revisions;

	AnswerApi(AnswerService answers, AcceptAnswer acceptAnswer, ThreadService threads, CurrentUsers currentUsers,
			RevisionHistory revisions) {
		this.revisions = revisions;
		this.answers = answers;
		this.acceptAnswer = acceptAnswer;
		this.threads = threads;
		this.currentUsers = currentUsers;
	}

	@PostMapping(path = "/answers", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<AnswerView>> post(@PathVariable String threadId, @Valid @RequestBody NewAnswer request) {
		return this.currentUsers.current()
			.flatMap((author) -> this.answers.post(author, threadId, request))
			.map((answer) -> ResponseEntity.created(URI.create("/api/v1/threads/" + threadId + "/answers"))
				.body(AnswerView.of(answer, this.answers.bodyHtml(answer), null, false)));
	}

	/** The answers the caller may see: deleted ones only to their authors and moderators. */
	@GetMapping("/answers")
	Flux<AnswerView> list(@PathVariable String threadId) {
		Mono<CurrentUser> viewer = this.currentUsers.current().cache();
		return this.threads.findVisible(threadId, viewer).flatMapMany((thread) -> viewer.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMapMany((user) -> this.answers.forThread(thread)
				.filter((answer) -> AnswerService.visibleTo(answer, user.orElse(null)))
				.map((answer) -> view(thread, answer))));
	}

	@PutMapping(path = "/answers/{answerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<AnswerView> edit(@PathVariable String threadId, @PathVariable String answerId,
			@Valid @RequestBody AnswerEdit edit) {
		return this.currentUsers.current()
			.flatMap((editor) -> this.answers.edit(editor, threadId, answerId, edit))
			.flatMap((answer) -> this.threads.find(threadId).map((thread) -> view(thread, answer)));
	}

	/** The answer's versions, newest first, each with what it changed. */
	@GetMapping("/answers/{answerId}/revisions")
	Mono<List<RevisionHistory.RevisionEntry>> revisions(@PathVariable String threadId, @PathVariable String answerId) {
		Mono<CurrentUser> viewer = this.currentUsers.current().cache();
		return this.threads.findVisible(threadId, viewer)
			.then(this.answers.findVisibleIn(threadId, answerId, viewer))
			.flatMap((answer) -> this.revisions.of(answer.currentRevision()));
	}

	private AnswerView view(ForumThread thread, Answer answer) {
		return AnswerView.of(answer, this.answers.bodyHtml(answer), thread.getAcceptedAnswerId(),
				thread.getSolutionMarkedBy() != null);
	}

	@PutMapping(path = "/accepted-answer", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<Accepted> accept(@PathVariable String threadId, @Valid @RequestBody Accepted request) {
		return this.currentUsers.current()
			.flatMap((user) -> this.acceptAnswer.accept(user, threadId, request.answerId()))
			.map((thread) -> new Accepted(thread.getAcceptedAnswerId()));
	}

	record Accepted(@NotBlank String answerId) {
	}

}
