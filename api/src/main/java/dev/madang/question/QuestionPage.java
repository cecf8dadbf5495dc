package dev.madang.question;

import dev.madang.answer.AnswerService;
import dev.madang.identity.CurrentUser;
import dev.madang.identity.CurrentUsers;
import dev.madang.site.ClientAddress;
import dev.madang.thread.Slugs;
import dev.madang.thread.ThreadNotFoundException;
import dev.madang.thread.ThreadService;
import dev.madang.thread.ViewCounter;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reading a question: short links, any post's address, and the question page (a view counted once per reader).
 */
@Controller
class QuestionPage {

	private final ThreadService threads;

	private final AnswerService answers;

	private final CurrentUsers currentUsers;

	private final ThreadRedirects redirects;

	private final ViewCounter views;

	private final QuestionView view;

	QuestionPage(ThreadService threads, AnswerService answers, CurrentUsers currentUsers, ThreadRedirects redirects, ViewCounter views, QuestionView view) {
		this.threads = threads;
		this.answers = answers;
		this.currentUsers = currentUsers;
		this.redirects = redirects;
		this.views = views;
		this.view = view;
	}

	@GetMapping("/t/{id}")
	Mono<String> shortLink(@PathVariable String id) {
		return this.threads.find(id).map((thread) -> "redirect:" + Slugs.threadPath(id, thread.getTitle()));
	}

	/** Any post's address: a question's page, or the question page at the answer. */
	@GetMapping("/p/{id}")
	Mono<String> post(@PathVariable String id) {
		return this.threads.find(id).map((thread) -> "redirect:" + Slugs.threadPath(id, thread.getTitle()))
			.onErrorResume(ThreadNotFoundException.class, (notThread) -> this.answers.find(id)
				.flatMap((answer) -> this.redirects.backTo(answer.getThreadId(), "#answer-" + id)));
	}

	@GetMapping("/t/{id}/{slug}")
	Mono<String> question(@PathVariable String id, @PathVariable String slug,
			@RequestParam(name = "problem", required = false) String problem,
			@RequestParam(name = "flagged", required = false) String flagged,
			@RequestParam(name = "moderated", required = false) String moderated, Model model,
			ServerWebExchange exchange) {
		if (problem != null && problem.matches("[a-z-]{1,40}")) {
			model.addAttribute("problem", problem);
		}
		model.addAttribute("flagged", flagged != null);
		if (moderated != null && moderated.matches("[a-z]{1,20}")) {
			model.addAttribute("moderated", moderated);
		}
		Mono<CurrentUser> viewer = this.currentUsers.current().cache();
		return this.threads.findVisible(id, viewer).flatMap((thread) -> {
			if (thread.getMergedInto() != null) {
				// A merged question's address leads to where its answers went.
				return this.threads.find(thread.getMergedInto())
					.map((target) -> "redirect:" + Slugs.threadPath(target.getId(), target.getTitle()));
			}
			String canonical = Slugs.of(thread.getTitle());
			if (!canonical.equals(slug)) {
				return Mono.just("redirect:" + Slugs.threadPath(id, thread.getTitle()));
			}
			return viewer.map(CurrentUser::id)
				.defaultIfEmpty(ClientAddress.of(exchange))
				.doOnNext((viewerKey) -> this.views.viewed(id, viewerKey))
				.then(this.view.show(thread, viewer, model, new QuestionActions.AnswerForm("")));
		});
	}

}
