package dev.madang.knownissue;

import dev.madang.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Known issues and feature requests: anyone reads them; staff and moderators mark questions and move the status. */
@RestController
@RequestMapping(path = "/api/v1/product-issues", produces = MediaType.APPLICATION_JSON_VALUE)
class ProductIssueApi {

	private final ProductIssues issues;

	private final CurrentUsers currentUsers;

	ProductIssueApi(ProductIssues issues, CurrentUsers currentUsers) {
		this.issues = issues;
		this.currentUsers = currentUsers;
	}

	@Operation(summary = "Known issues and feature requests (open ones only unless all=true), optionally of one area")
	@GetMapping
	Flux<ProductIssue> list(@RequestParam(defaultValue = "false") boolean all,
			@RequestParam(required = false) String area) {
		return all ? this.issues.all() : this.issues.open(area);
	}

	@Operation(summary = "One known issue or feature request with its status history")
	@GetMapping("/{id}")
	Mono<ProductIssue> one(@PathVariable String id) {
		return this.issues.find(id);
	}

	@Operation(summary = "Mark questions (a question and its duplicates) as a known issue or feature request (staff)")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ProductIssue> mark(@RequestBody ProductIssues.Marking marking) {
		return this.currentUsers.current().flatMap((staff) -> this.issues.mark(staff, marking));
	}

	@Operation(summary = "Move a known issue or feature request to another status; watchers are notified (staff)")
	@PutMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ProductIssue> status(@PathVariable String id, @RequestBody ProductIssues.StatusUpdate update) {
		return this.currentUsers.current().flatMap((staff) -> this.issues.change(staff, id, update));
	}


}
