package dev.madang.survey;

import java.util.Map;

import dev.madang.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The member's surveys: which one is due, and their answers (a null score says "not now"). */
@RestController
@RequestMapping(path = "/api/v1/surveys", produces = MediaType.APPLICATION_JSON_VALUE)
class SurveyApi {

	private final Surveys surveys;

	private final CurrentUsers currentUsers;

	SurveyApi(Surveys surveys, CurrentUsers currentUsers) {
		this.surveys = surveys;
		this.currentUsers = currentUsers;
	}

	record Effort(String threadId, Integer score) {
	}

	record Loyalty(Integer score, String threadId) {
	}

	@Operation(summary = "Which survey to show the member now (ces for a solved question they asked, or nps)")
	@GetMapping("/due")
	Mono<Map<String, String>> due(@RequestParam(required = false) String threadId) {
		return this.currentUsers.current().flatMap((member) -> this.surveys.due(member, threadId))
			.map((kind) -> Map.of("kind", kind))
			.defaultIfEmpty(Map.of());
	}

	@Operation(summary = "The asker's answer to \"How easy was it to get this solved?\" (1–7), once per question")
	@PostMapping(path = "/ces", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> effort(@RequestBody Effort effort) {
		return this.currentUsers.current().flatMap((member) -> this.surveys.answerEffort(member, effort.threadId(),
				effort.score()));
	}

	@Operation(summary = "The member's answer to \"How likely are you to recommend us?\" (0–10), once a quarter")
	@PostMapping(path = "/nps", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> loyalty(@RequestBody Loyalty loyalty) {
		return this.currentUsers.current().flatMap((member) -> this.surveys.answerLoyalty(member, loyalty.score(),
				loyalty.threadId()));
	}

}
