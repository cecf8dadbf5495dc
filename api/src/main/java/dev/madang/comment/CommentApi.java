package dev.madang.comment;

import java.net.URI;

import dev.madang.identity.CurrentUsers;
import dev.madang.thread.ThreadService;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST resource for the comments on a thread's question and answers. */
@RestController
@RequestMapping(path = "/api/v1/threads/{threadId}/comments", produces = MediaType.APPLICATION_JSON_VALUE)
class CommentApi {

	private final CommentService comments;

	private final ThreadService threads;

	private final CurrentUsers currentUsers;

	CommentApi(CommentService comments, ThreadService threads, CurrentUsers currentUsers) {
		this.comments = comments;
		this.threads = threads;
		this.currentUsers = currentUsers;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Comment>> comment(@PathVariable String threadId, @Valid @RequestBody NewComment request) {
		return this.currentUsers.current()
			.flatMap((user) -> this.comments.comment(user, threadId, request))
			.map((comment) -> ResponseEntity.created(URI.create("/api/v1/threads/" + threadId + "/comments"))
				.body(comment));
	}

	/** The comments the caller may see: hidden ones only to their authors and moderators. */
	@GetMapping
	Flux<Comment> list(@PathVariable String threadId) {
		Mono<java.util.Optional<dev.madang.identity.CurrentUser>> viewer = this.currentUsers.currentIfAny().cache();
		return this.threads.findVisible(threadId, viewer.flatMap(Mono::justOrEmpty))
			.flatMapMany((thread) -> viewer.flatMapMany((user) -> this.comments.forThread(thread)
				.filter((comment) -> CommentService.visibleTo(comment, user.orElse(null)))));
	}

}
