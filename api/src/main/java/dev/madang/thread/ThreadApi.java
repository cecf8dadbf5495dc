package dev.madang.thread;

import java.net.URI;

import dev.madang.identity.CurrentUsers;
import dev.madang.markdown.MarkdownRenderer;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST resource for question threads. */
@RestController
@RequestMapping(path = "/api/v1/threads", produces = MediaType.APPLICATION_JSON_VALUE)
class ThreadApi {

	private final ThreadService threads;

	private final CurrentUsers currentUsers;

	private final MarkdownRenderer markdown;

	ThreadApi(ThreadService threads, CurrentUsers currentUsers, MarkdownRenderer markdown) {
		this.threads = threads;
		this.currentUsers = currentUsers;
		this.markdown = markdown;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<ThreadView>> start(@Valid @RequestBody NewThread request) {
		return this.currentUsers.current()
			.flatMap((author) -> this.threads.start(author.id(), request))
			.map((thread) -> ResponseEntity.created(URI.create("/api/v1/threads/" + thread.getId()))
				.body(ThreadView.of(thread, this.markdown)));
	}

	@GetMapping("/{id}")
	Mono<ThreadView> read(@PathVariable String id) {
		return this.threads.find(id).map((thread) -> ThreadView.of(thread, this.markdown));
	}

}
