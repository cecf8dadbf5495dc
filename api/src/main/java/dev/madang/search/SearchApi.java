package dev.madang.search;

import java.util.List;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.madang.search.index.PostIndex;
import dev.madang.search.index.PostSearchResult;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search over the community's posts. */
@RestController
class SearchApi {

	private final PostIndex posts;

	SearchApi(PostIndex posts) {
		this.posts = posts;
	}

	@GetMapping(path = "/api/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<PostSearchResult> search(@RequestParam(name = "q", defaultValue = "") @Size(max = 500) String query,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int size) {
		return search(this.posts, query, size);
	}

	/** Searches, reading a missing index as no results and an unreachable Elasticsearch as {@link SearchUnavailableException}. */
	static Mono<PostSearchResult> search(PostIndex posts, String query, int size) {
		return Mono.fromFuture(() -> posts.search(query, size))
			.onErrorResume(SearchApi::indexNotCreatedYet, (missing) -> Mono.just(new PostSearchResult(0, List.of())))
			.onErrorMap((failure) -> !(failure instanceof ElasticsearchException), SearchUnavailableException::new);
	}

	/** Before the first write is indexed there is no index: that is an empty community, not an error. */
	private static boolean indexNotCreatedYet(Throwable failure) {
		return failure instanceof ElasticsearchException ex && "index_not_found_exception".equals(ex.error().type());
	}

}
