package dev.madang.moderation;

import dev.madang.answer.AnswerEdit;
import dev.madang.identity.CurrentUsers;
import dev.madang.thread.ThreadEdit;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Members below the edit privilege suggest edits of others' posts; moderators decide them in the queue. */
@RestController
class SuggestedEditApi {

	private final SuggestedEdits edits;

	private final CurrentUsers currentUsers;

	SuggestedEditApi(SuggestedEdits edits, CurrentUsers currentUsers) {
		this.edits = edits;
		this.currentUsers = currentUsers;
	}

	record Suggested(String id, String postType, String postId, String status) {

		static Suggested of(SuggestedEdit edit) {
			return new Suggested(edit.id(), edit.postType(), edit.postId(), edit.status());
		}

	}

	@Operation(summary = "Suggest an edit of someone else's question (for members below the edit privilege)")
	@PostMapping(path = "/api/v1/threads/{threadId}/suggested-edits", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Suggested>> question(@PathVariable String threadId, @Valid @RequestBody ThreadEdit edit) {
		return this.currentUsers.current().flatMap((user) -> this.edits.forQuestion(user, threadId, edit))
			.map((saved) -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Suggested.of(saved)));
	}

	@Operation(summary = "Suggest an edit of someone else's answer (for members below the edit privilege)")
	@PostMapping(path = "/api/v1/threads/{threadId}/answers/{answerId}/suggested-edits",
			consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Suggested>> answer(@PathVariable String threadId, @PathVariable String answerId,
			@Valid @RequestBody AnswerEdit edit) {
		return this.currentUsers.current().flatMap((user) -> this.edits.forAnswer(user, threadId, answerId, edit))
			.map((saved) -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Suggested.of(saved)));
	}

}
