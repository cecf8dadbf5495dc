package dev.madang.vote;

import dev.madang.identity.CurrentUsers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Voting on questions and answers: {@code PUT} the caller's vote (+1, -1, or 0 to retract). */
@RestController
class VoteApi {

	private final VoteService votes;

	private final CurrentUsers currentUsers;

	VoteApi(VoteService votes, CurrentUsers currentUsers) {
		this.votes = votes;
		this.currentUsers = currentUsers;
	}

	@PutMapping(path = "/api/v1/threads/{id}/vote", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<VoteService.VoteResult> voteOnQuestion(@PathVariable String id, @Valid @RequestBody VoteRequest request) {
		return this.currentUsers.current().flatMap((voter) -> this.votes.cast(voter, PostType.QUESTION, id, request.value()));
	}

	@PutMapping(path = "/api/v1/answers/{id}/vote", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<VoteService.VoteResult> voteOnAnswer(@PathVariable String id, @Valid @RequestBody VoteRequest request) {
		return this.currentUsers.current().flatMap((voter) -> this.votes.cast(voter, PostType.ANSWER, id, request.value()));
	}

	record VoteRequest(@Min(-1) @Max(1) int value) {
	}

}
