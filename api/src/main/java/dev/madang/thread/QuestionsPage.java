package dev.madang.thread;

import java.util.List;

import dev.madang.area.ProductArea;
import dev.madang.area.ProductAreas;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The question list page: newest, active, unanswered or top, optionally one tag or product area, page by page. */
@Controller
class QuestionsPage {

	private final ThreadLists lists;

	private final ProductAreas areas;

	QuestionsPage(ThreadLists lists, ProductAreas areas) {
		this.lists = lists;
		this.areas = areas;
	}

	@GetMapping("/questions")
	Mono<String> questions(@RequestParam(defaultValue = "newest") String sort,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String area,
			@RequestParam(required = false) String cursor, Model model) {
		ThreadOrder order;
		try {
			order = ThreadOrder.parse(sort);
		}
		catch (ProblemException unknown) {
			order = ThreadOrder.NEWEST;
		}
		String safeTag = (tag != null && tag.matches(NewThread.TAG_PATTERN)) ? tag : null;
		String safeArea = (area != null && area.matches(ProductArea.FILTER_PATTERN)) ? area : null;
		ThreadFilter filter = new ThreadFilter(safeTag, safeArea, null);
		model.addAttribute("sort", order.name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("tag", safeTag);
		model.addAttribute("area", safeArea);
		model.addAttribute("areas", this.areas.list(false));
		Mono<List<ThreadSummary>> pinned = (safeArea != null && (cursor == null || cursor.isBlank()))
				? this.lists.pinned(safeArea) : Mono.just(List.of());
		return this.lists.list(order, filter, cursor, 30)
			.onErrorResume(ProblemException.class, (badCursor) -> this.lists.list(ThreadOrder.NEWEST, filter, null, 30))
			.zipWith(pinned)
			.map((found) -> {
				// Pinned questions head the area's first page instead of appearing twice on it.
				java.util.Set<String> pinnedIds = found.getT2().stream().map(ThreadSummary::id)
					.collect(java.util.stream.Collectors.toSet());
				ThreadPage page = found.getT1();
				model.addAttribute("page", new ThreadPage(page.items().stream()
					.filter((thread) -> !pinnedIds.contains(thread.id())).toList(), page.nextCursor()));
				model.addAttribute("pinned", found.getT2());
				return "questions";
			});
	}

}
