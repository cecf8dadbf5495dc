package dev.madang.search.index;

import java.util.List;

/**
 * A page of search results, how many posts matched in all, how they divide up, and the cursor of the next page (null
 * on the last); {@code articles} are the knowledge-base articles that match, which readers see first (when asked for).
 */
public record PostSearchResult(long total, List<PostHit> hits, SearchFacets facets, String nextCursor,
		List<PostHit> articles) {

	public static PostSearchResult empty() {
		return new PostSearchResult(0, List.of(), SearchFacets.NONE, null, List.of());
	}

}
