package dev.madang.thread;

import dev.madang.web.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The question list page: newest, active, unanswered or top, optionally one tag, page by page. */
@Controller
class QuestionsPage {

	private final ThreadLists lists;

	QuestionsPage(ThreadLists lists) {
		this.lists = lists;
	}

	@GetMapping("/questions")
	Mono<String> questions(@RequestParam(defaultValue = "newest") String sort,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String cursor, Model model) {
		ThreadOrder order;
		try {
			order = ThreadOrder.parse(sort);
		}
		catch (ProblemException unknown) {
			order = ThreadOrder.NEWEST;
		}
		String safeTag = (tag != null && tag.matches("[\\p{L}\\p{N}+#.\\-]{1,35}")) ? tag : null;
		model.addAttribute("sort", order.name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("tag", safeTag);
		return this.lists.list(order, safeTag, null, cursor, 30)
			.onErrorResume(ProblemException.class, (badCursor) -> this.lists.list(ThreadOrder.NEWEST, safeTag, null, null, 30))
			.map((page) -> {
				model.addAttribute("page", page);
				return "questions";
			});
	}

}
