package dev.madang.thread;

import java.net.URI;
import java.util.List;

import dev.madang.identity.CurrentUsers;
import dev.madang.revision.RevisionHistory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST resource for question threads. */
@RestController
@RequestMapping(path = "/api/v1/threads", produces = MediaType.APPLICATION_JSON_VALUE)
class ThreadApi {

	private final ThreadService threads;

	private final CurrentUsers currentUsers;

	private final ThreadLists lists;

	private final MeToo meToo;

	private final RevisionHistory revisions;

	ThreadApi(ThreadService threads, CurrentUsers currentUsers, ThreadLists lists, MeToo meToo,
			RevisionHistory revisions) {
		this.revisions = revisions;
		this.lists = lists;
		this.meToo = meToo;
		this.threads = threads;
		this.currentUsers = currentUsers;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<ThreadView>> start(@Valid @RequestBody NewThread request) {
		return this.currentUsers.current()
			.flatMap((author) -> this.threads.start(author, request))
			.map((thread) -> ResponseEntity.created(URI.create("/api/v1/threads/" + thread.getId()))
				.body(ThreadView.of(thread, this.threads.bodyHtml(thread))));
	}

	@GetMapping
	Mono<ThreadPage> list(@RequestParam(defaultValue = "newest") String sort,
			@RequestParam(required = false) @Size(max = 35) String tag,
			@RequestParam(required = false) @Size(max = 40) String area,
			@RequestParam(required = false) @Size(max = 24) String author,
			@RequestParam(required = false) @Size(max = 200) String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return Mono.defer(() -> this.lists.list(ThreadOrder.parse(sort), new ThreadFilter(tag, area, author), cursor, size));
	}

	@PutMapping(path = "/{id}/me-too", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<MeToo.MeTooCount> meToo(@PathVariable String id, @RequestBody MeTooRequest request) {
		return this.currentUsers.current().flatMap((user) -> this.meToo.set(user.id(), id, request.affected()));
	}

	@GetMapping("/{id}")
	Mono<ThreadView> read(@PathVariable String id) {
		return this.threads.findVisible(id, this.currentUsers.current())
			.map((thread) -> ThreadView.of(thread, this.threads.bodyHtml(thread)));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ThreadView> edit(@PathVariable String id, @Valid @RequestBody ThreadEdit edit) {
		return this.currentUsers.current()
			.flatMap((editor) -> this.threads.edit(editor, id, edit))
			.map((thread) -> ThreadView.of(thread, this.threads.bodyHtml(thread)));
	}

	/** The question's versions, newest first, each with what it changed. */
	@GetMapping("/{id}/revisions")
	Mono<List<RevisionHistory.RevisionEntry>> revisions(@PathVariable String id) {
		return this.threads.findVisible(id, this.currentUsers.current())
			.flatMap((thread) -> this.revisions.of(thread.currentRevision()));
	}

	/** {@code {"affected": true}} to count yourself in, {@code false} to leave. */
	record MeTooRequest(boolean affected) {
	}

}
