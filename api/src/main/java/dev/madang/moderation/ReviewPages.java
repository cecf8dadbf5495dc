package dev.madang.moderation;


import dev.madang.audit.AuditLog;
import dev.madang.identity.CurrentUsers;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The moderators' queue page (each item with its post, flags and author, and its one-click outcomes) and the audit log. */
@Controller
class ReviewPages {

	private final ReviewQueue queue;

	private final ReviewDecisions decisions;

	private final ReviewContext context;

	private final AuditLog audit;

	private final ModerationFigures figures;

	private final CurrentUsers currentUsers;

	ReviewPages(ReviewQueue queue, ReviewDecisions decisions, ReviewContext context, AuditLog audit,
			ModerationFigures figures, CurrentUsers currentUsers) {
		this.queue = queue;
		this.decisions = decisions;
		this.context = context;
		this.audit = audit;
		this.figures = figures;
		this.currentUsers = currentUsers;
	}

	@GetMapping("/review")
	Mono<String> queue(@RequestParam(required = false) String kind, @RequestParam(required = false) String area,
			@RequestParam(required = false) Integer age, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String problem, @RequestParam(required = false) String decided,
			Model model) {
		ReviewKind chosen = (kind == null || kind.isBlank()) ? null : ReviewKind.of(kind);
		ReviewQueue.ReviewFilter filter = new ReviewQueue.ReviewFilter(chosen, area,
				(age == null || age <= 0) ? null : ReviewQueue.age(age), null);
		model.addAttribute("kinds", ReviewKind.values());
		model.addAttribute("kind", (chosen != null) ? chosen.id() : "");
		model.addAttribute("area", (area != null) ? area : "");
		model.addAttribute("age", age);
		if (problem != null && problem.matches("[a-z-]{1,40}")) {
			model.addAttribute("problem", problem);
		}
		model.addAttribute("decided", decided);
		// The figures carry the open items by kind: the tabs' counts come from them.
		return Mono.zip(this.queue.list(filter, page), this.figures.now()).flatMap((found) -> {
			model.addAttribute("page", found.getT1());
			model.addAttribute("counts", found.getT2().queueByKind());
			model.addAttribute("figures", found.getT2());
			return Flux.fromIterable(found.getT1().items()).concatMap(this.context::of).collectList();
		}).map((details) -> {
			model.addAttribute("details", details);
			return "moderation/review";
		});
	}

	record DecisionForm(String outcome, String reason, Integer days) {
	}

	@PostMapping("/review/{id}/decide")
	Mono<String> decide(@PathVariable String id, @ModelAttribute DecisionForm form) {
		return this.currentUsers.current()
			.flatMap((user) -> this.decisions.decide(user, id,
					new ReviewDecisions.Decision(form.outcome(), form.reason(), form.days())))
			.map((item) -> "redirect:/review?decided=" + item.outcome())
			.onErrorResume(ProblemException.class, (problem) -> Mono.just("redirect:/review?problem=" + problem.slug()));
	}

	@PostMapping("/review/{id}/claim")
	Mono<String> claim(@PathVariable String id) {
		return this.currentUsers.current()
			.flatMap((user) -> this.queue.claim(id, user.id()))
			.map((item) -> "redirect:/review#item-" + id)
			.onErrorResume(ProblemException.class, (problem) -> Mono.just("redirect:/review?problem=" + problem.slug()));
	}

	@GetMapping("/moderation/audit")
	Mono<String> audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String subject, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("actor", (actor != null) ? actor : "");
		model.addAttribute("action", (action != null) ? action : "");
		model.addAttribute("subject", (subject != null) ? subject : "");
		return this.audit.read(new AuditLog.AuditFilter(actor, action, subject, null), page, 50).map((found) -> {
			model.addAttribute("audit", found);
			model.addAttribute("hasNext", (long) (found.page() + 1) * found.size() < found.total());
			return "moderation/audit";
		});
	}

}
