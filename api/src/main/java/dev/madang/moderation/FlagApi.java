package dev.madang.moderation;

import java.net.URI;
import java.time.Instant;

import dev.madang.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Members flag posts and see what became of their flags. */
@RestController
@RequestMapping(path = "/api/v1/flags", produces = MediaType.APPLICATION_JSON_VALUE)
class FlagApi {

	private final Flags flags;

	private final CurrentUsers currentUsers;

	FlagApi(Flags flags, CurrentUsers currentUsers) {
		this.flags = flags;
		this.currentUsers = currentUsers;
	}

	@Operation(summary = "Flag a question, answer or comment (spam, rude, off-topic, duplicate, needs-improvement, other)")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<FlagView>> flag(@RequestBody Flags.FlagRequest request) {
		return this.currentUsers.current()
			.flatMap((user) -> this.flags.raise(user, request))
			.map((flag) -> ResponseEntity.created(URI.create("/api/v1/flags/mine")).body(FlagView.of(flag)));
	}

	@Operation(summary = "Your flags, newest first, with their outcomes")
	@GetMapping("/mine")
	Flux<FlagView> mine() {
		return this.currentUsers.current().flatMapMany((user) -> this.flags.of(user.id())).map(FlagView::of);
	}

	record FlagView(String id, String postType, String postId, String threadId, String reason, String text,
			String duplicateOf, double weight, String status, Instant at, Instant decidedAt) {

		static FlagView of(Flag flag) {
			return new FlagView(flag.id(), flag.postType(), flag.postId(), flag.threadId(), flag.reason(), flag.text(),
					flag.duplicateOf(), flag.weight(), flag.status(), flag.at(), flag.decidedAt());
		}

	}

}
