package dev.madang.tag;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tags in use, for pickers: {@code GET /api/v1/tags?prefix=bil}. */
@RestController
class TagApi {

	private final TagRegistry registry;

	TagApi(TagRegistry registry) {
		this.registry = registry;
	}

	@GetMapping(path = "/api/v1/tags", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<List<String>> suggest(@RequestParam(defaultValue = "") @Size(max = 35) String prefix,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.registry.suggest(prefix, size).collectList();
	}

}
