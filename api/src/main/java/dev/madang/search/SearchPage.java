package dev.madang.search;

import dev.madang.area.ProductArea;
import dev.madang.area.ProductAreas;
import dev.madang.search.index.PostIndex;
import dev.madang.search.index.PostSearchResult;
import dev.madang.search.index.SearchQuery;
import dev.madang.thread.NewThread;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search results page; when search is down it says so instead of failing. */
@Controller
class SearchPage {

	private static final int MAX_QUERY_LENGTH = 500;

	private final PostIndex posts;

	private final ProductAreas areas;

	private final SearchTally tally;

	SearchPage(PostIndex posts, ProductAreas areas, SearchTally tally) {
		this.posts = posts;
		this.areas = areas;
		this.tally = tally;
	}

	/** The page narrows like the API: tag, product area, status and sort, kept when following facet links. */
	@GetMapping("/search")
	Mono<String> search(@RequestParam(name = "q", defaultValue = "") String query,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String area,
			@RequestParam(required = false) String status, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String cursor, Model model) {
		String text = (query.length() > MAX_QUERY_LENGTH) ? query.substring(0, MAX_QUERY_LENGTH) : query;
		String safeTag = matching(tag, NewThread.TAG_PATTERN);
		String safeArea = matching(area, ProductArea.FILTER_PATTERN);
		String safeStatus = matching(status, SearchQuery.STATUSES);
		String safeSort = matching(sort, SearchQuery.SORTS);
		String safeCursor = matching(cursor, "[0-9]{1,4}");
		model.addAttribute("q", text);
		model.addAttribute("filters", new Filters(safeTag, safeArea, safeStatus, safeSort));
		SearchQuery request = new SearchQuery(text, safeTag, safeArea, safeStatus, safeSort,
				(safeCursor != null) ? Integer.parseInt(safeCursor) : 0, 20);
		return Mono.zip(SearchApi.search(this.posts, request), this.areas.bySlug()).map((found) -> {
			PostSearchResult result = found.getT1();
			SearchApi.counted(this.tally, text, request.from(), result);
			model.addAttribute("result", result);
			model.addAttribute("areaNames", found.getT2());
			model.addAttribute("unavailable", false);
			return "search";
		}).onErrorResume(SearchUnavailableException.class, (down) -> {
			model.addAttribute("unavailable", true);
			return Mono.just("search");
		});
	}

	private static String matching(String value, String pattern) {
		return (value != null && value.matches(pattern)) ? value : null;
	}

	/** The narrowing in effect, for building the page's links. */
	record Filters(String tag, String area, String status, String sort) {
	}

}
