package dev.madang.search;

import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The search index for administrators (the path rule limits {@code /api/v1/admin/**} to them). */
@RestController
@RequestMapping("/api/v1/admin/search")
class SearchAdminApi {

	private final SearchAdministration administration;

	SearchAdminApi(SearchAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	@Operation(summary = "The search index: alias, indices, documents, pending threads, rebuild status")
	Mono<SearchIndexView> index() {
		return this.administration.view();
	}

	@PostMapping("/rebuild")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Rebuild the search index from MongoDB and swap it in without downtime (409 while one runs)")
	Mono<RebuildStatus> rebuild() {
		return this.administration.startRebuild();
	}

}
