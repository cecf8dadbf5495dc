package dev.madang.knownissue;

import dev.madang.identity.CurrentUsers;
import dev.madang.problem.ProblemException;
import dev.madang.thread.Slugs;
import dev.madang.thread.ThreadService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The known issues customers read (the list, and the panel that area lists load), and the staff form on a question
 * page that marks it or moves its status.
 */
@Controller
class ProductIssuePages {

	private final ProductIssues issues;

	private final ThreadService threads;

	private final CurrentUsers currentUsers;

	ProductIssuePages(ProductIssues issues, ThreadService threads, CurrentUsers currentUsers) {
		this.issues = issues;
		this.threads = threads;
		this.currentUsers = currentUsers;
	}

	@GetMapping("/known-issues")
	Mono<String> list(@RequestParam(required = false) String area, Model model) {
		return this.issues.open(area).collectList().map((open) -> {
			model.addAttribute("issues", open);
			return "knownissue/list";
		});
	}

	/** The open ones of an area, for the area's question list (loaded with htmx). */
	@GetMapping("/known-issues/panel")
	Mono<String> panel(@RequestParam(required = false) String area, Model model) {
		return this.issues.open(area).take(5).collectList().map((open) -> {
			model.addAttribute("issues", open);
			return "knownissue/parts :: panel";
		});
	}

	record StatusForm(String kind, String status, String fixedIn, String note) {
	}

	@PostMapping("/t/{id}/status")
	Mono<String> status(@PathVariable String id, @ModelAttribute StatusForm form) {
		return this.currentUsers.current().flatMap((staff) -> this.issues.forThread(id)
			.flatMap((issue) -> this.issues.change(staff, issue.getId(),
					new ProductIssues.StatusUpdate(form.status(), form.fixedIn(), form.note())))
			.switchIfEmpty(Mono.defer(() -> this.issues.mark(staff, new ProductIssues.Marking(form.kind(),
					form.status(), java.util.List.of(id), null, form.fixedIn(), form.note())))))
			.then(back(id, null))
			.onErrorResume(ProblemException.class, (problem) -> back(id, problem.slug()));
	}

	private Mono<String> back(String id, String problem) {
		return this.threads.find(id).map((thread) -> "redirect:" + Slugs.threadPath(id, thread.getTitle())
				+ ((problem != null) ? "?problem=" + problem + "#issue-form" : "#product-issue"));
	}

}
