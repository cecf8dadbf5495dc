package dev.madang.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.madang.search.index.PostIndex;
import dev.madang.search.index.PostSearchResult;
import dev.madang.search.index.SearchQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search over the community's posts. */
@RestController
class SearchApi {

	private static final int OFFICIAL_ANSWERS = 3;

	private final PostIndex posts;

	private final SearchTally tally;

	SearchApi(PostIndex posts, SearchTally tally) {
		this.posts = posts;
		this.tally = tally;
	}

	/**
	 * Ranked matches with highlighted snippets and facet counts. {@code status}: solved, unanswered or open;
	 * {@code sort}: relevance (default with text), newest (default without) or votes; {@code cursor}: the previous
	 * page's {@code nextCursor}.
	 */
	@GetMapping(path = "/api/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<PostSearchResult> search(@RequestParam(name = "q", defaultValue = "") @Size(max = 500) String query,
			@RequestParam(required = false) @Size(max = 35) String tag,
			@RequestParam(required = false) @Size(max = 40) String area,
			@RequestParam(required = false) @Pattern(regexp = SearchQuery.STATUSES) String status,
			@RequestParam(required = false) @Pattern(regexp = SearchQuery.SORTS) String sort,
			@RequestParam(required = false) @Pattern(regexp = "[0-9]{1,4}") String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int size) {
		int from = (cursor != null) ? Integer.parseInt(cursor) : 0;
		return search(this.posts, new SearchQuery(query, tag, area, status, sort, from, size))
			.doOnNext((result) -> counted(this.tally, query, from, result));
	}

	/**
	 * Searches, with the matching knowledge-base articles on the first page of a text search without tag or status
	 * filters (shown above the results); reads a missing index as no results and an unreachable Elasticsearch as
	 * {@link SearchUnavailableException}.
	 */
	static Mono<PostSearchResult> search(PostIndex posts, SearchQuery query) {
		boolean official = query.from() == 0 && query.tag() == null && query.status() == null;
		return Mono.fromFuture(() -> posts.search(query, official ? OFFICIAL_ANSWERS : 0))
			.onErrorResume(SearchApi::indexNotCreatedYet, (missing) -> Mono.just(PostSearchResult.empty()))
			.onErrorMap((failure) -> !(failure instanceof ElasticsearchException), SearchUnavailableException::new);
	}

	/** Counts a first page of a text search for the owners' self-service figures. */
	static void counted(SearchTally tally, String query, int from, PostSearchResult result) {
		if (from == 0 && !query.isBlank()) {
			tally.searched(query, result.total() == 0 && result.articles().isEmpty());
		}
	}

	/** Before the first write is indexed there is no index: that is an empty community, not an error. */
	private static boolean indexNotCreatedYet(Throwable failure) {
		return failure instanceof ElasticsearchException ex && "index_not_found_exception".equals(ex.error().type());
	}

}
