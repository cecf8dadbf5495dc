package dev.madang.search.index;

import java.util.List;

/** A page of search results and how many posts matched in all. */
public record PostSearchResult(long total, List<PostHit> hits) {
}
