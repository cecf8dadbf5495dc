package dev.madang.search.index;

import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;

/** What a search response becomes: hits with their highlights, the total, the facet counts, the next page. */
final class PostHits {

	static PostSearchResult result(SearchQuery query, ResponseBody<PostDocument.Source> response,
			List<PostHit> articles) {
		long total = response.hits().total().value();
		int next = query.from() + query.size();
		return new PostSearchResult(total, response.hits().hits().stream().map(PostHits::toHit).toList(),
				facets(response.aggregations()), (next < total) ? String.valueOf(next) : null, articles);
	}

	private static SearchFacets facets(Map<String, Aggregate> aggregations) {
		if (aggregations == null || aggregations.isEmpty()) {
			return SearchFacets.NONE;
		}
		return new SearchFacets(counts(aggregations.get("tags")), counts(aggregations.get("areas")),
				aggregations.get("solved").filter().docCount(), aggregations.get("unanswered").filter().docCount());
	}

	private static List<SearchFacets.Count> counts(Aggregate terms) {
		return terms.sterms().buckets().array().stream()
			.map((bucket) -> new SearchFacets.Count(bucket.key().stringValue(), bucket.docCount()))
			.toList();
	}

	static PostHit toHit(Hit<PostDocument.Source> hit) {
		PostDocument.Source source = hit.source();
		Map<String, List<String>> highlights = hit.highlight();
		return new PostHit(hit.id(), source.kind(), source.title(), first(highlights.get("title")),
				first(highlights.get("body")), source.tags(), source.area(), source.status(), source.solved(),
				source.score(), source.answerCount(), source.createdAt(), (hit.score() != null) ? hit.score() : 0.0);
	}

	private static String first(List<String> fragments) {
		return (fragments == null || fragments.isEmpty()) ? "" : fragments.get(0);
	}

	private PostHits() {
	}

}
