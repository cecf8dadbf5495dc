package dev.madang.thread;

import java.net.URI;

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

	ThreadApi(ThreadService threads) {
		this.threads = threads;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<ThreadView>> start(@Valid @RequestBody NewThread request) {
		return this.threads.start(request)
			.map((thread) -> ResponseEntity.created(URI.create("/api/v1/threads/" + thread.getId()))
				.body(ThreadView.of(thread)));
	}

	@GetMapping("/{id}")
	Mono<ThreadView> read(@PathVariable String id) {
		return this.threads.find(id).map(ThreadView::of);
	}

}
