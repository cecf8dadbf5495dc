package dev.madang.search;

import java.util.List;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.madang.search.index.PostHit;
import dev.madang.search.index.PostIndex;
import dev.madang.thread.ThreadService;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "Has this been asked before?": knowledge-base articles and questions like a title being typed on the ask page (an
 * htmx fragment under the title field), and like an existing question ({@code /api/v1/threads/{id}/similar}, for possible duplicates).
 * When search is down the panel is simply empty: asking must never depend on it.
 */
@Controller
class SimilarQuestions {

	private static final int SIZE = 5;

	/** Official answers shown above the similar questions. */
	private static final int ARTICLES = 2;

	private final PostIndex posts;

	private final ThreadService threads;

	SimilarQuestions(PostIndex posts, ThreadService threads) {
		this.posts = posts;
		this.threads = threads;
	}

	@GetMapping(path = "/api/v1/threads/{id}/similar", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Mono<List<PostHit>> similarTo(@PathVariable String id) {
		return this.threads.find(id).flatMap((thread) -> Mono.fromFuture(() -> this.posts.similar(thread.getTitle(),
				id, SIZE)))
			.onErrorMap((failure) -> !(failure instanceof ElasticsearchException)
					&& !(failure instanceof dev.madang.problem.ProblemException), SearchUnavailableException::new);
	}

	/**
	 * Possible duplicates of a question, for moderators (the path rule): the question page loads them under the
	 * question with htmx. Empty when search is down.
	 */
	@GetMapping("/t/{id}/duplicates")
	Mono<String> possibleDuplicates(@PathVariable String id, Model model) {
		return this.threads.find(id)
			.flatMap((thread) -> Mono.fromFuture(() -> this.posts.similar(thread.getTitle(), id, SIZE))
				.onErrorReturn(List.of()))
			.map((hits) -> {
				model.addAttribute("similar", hits);
				return "question/parts :: duplicates";
			});
	}

	@GetMapping("/ask/similar")
	Mono<String> whileAsking(@RequestParam(defaultValue = "") @Size(max = 200) String title, Model model) {
		String text = (title.length() > 200) ? title.substring(0, 200) : title;
		model.addAttribute("title", text);
		return Mono.zip(Mono.fromFuture(() -> this.posts.articles(text, true, ARTICLES)).onErrorReturn(List.of()),
				Mono.fromFuture(() -> this.posts.similar(text, null, SIZE)).onErrorReturn(List.of()))
			.map((found) -> {
				model.addAttribute("articles", found.getT1());
				model.addAttribute("similar", found.getT2());
				return "question/parts :: similar";
			});
	}

}
