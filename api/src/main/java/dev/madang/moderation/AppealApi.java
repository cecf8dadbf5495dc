package dev.madang.moderation;

import java.net.URI;

import dev.madang.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A suspended or silenced member's one appeal against their restriction. */
@RestController
class AppealApi {

	private final Suspensions suspensions;

	private final CurrentUsers currentUsers;

	AppealApi(Suspensions suspensions, CurrentUsers currentUsers) {
		this.suspensions = suspensions;
		this.currentUsers = currentUsers;
	}

	record AppealRequest(String text) {
	}

	record Filed(String id, String status) {
	}

	@Operation(summary = "Appeal your suspension or silence (once per restriction); it lands in the review queue")
	@PostMapping(path = "/api/v1/appeals", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Filed>> appeal(@RequestBody AppealRequest request) {
		return this.currentUsers.current().flatMap((user) -> this.suspensions.appeal(user, request.text()))
			.map((item) -> ResponseEntity.created(URI.create("/api/v1/appeals/" + item.id()))
				.body(new Filed(item.id(), item.status())));
	}

}
