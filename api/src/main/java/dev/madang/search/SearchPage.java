package dev.madang.search;

import dev.madang.search.index.PostIndex;
import dev.madang.search.index.SearchQuery;
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

	SearchPage(PostIndex posts) {
		this.posts = posts;
	}

	@GetMapping("/search")
	Mono<String> search(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
		String text = (query.length() > MAX_QUERY_LENGTH) ? query.substring(0, MAX_QUERY_LENGTH) : query;
		model.addAttribute("q", text);
		return SearchApi.search(this.posts, SearchQuery.text(text, 20)).map((result) -> {
			model.addAttribute("result", result);
			model.addAttribute("unavailable", false);
			return "search";
		}).onErrorResume(SearchUnavailableException.class, (down) -> {
			model.addAttribute("unavailable", true);
			return Mono.just("search");
		});
	}

}
