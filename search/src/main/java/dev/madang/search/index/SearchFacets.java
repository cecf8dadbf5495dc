package dev.madang.search.index;

import java.util.List;

/**
 * How the matches divide up, for narrowing a search: the most frequent tags and product areas, and how many are
 * solved or still unanswered.
 */
public record SearchFacets(List<Count> tags, List<Count> areas, long solved, long unanswered) {

	public static final SearchFacets NONE = new SearchFacets(List.of(), List.of(), 0, 0);

	public record Count(String value, long count) {
	}

}
