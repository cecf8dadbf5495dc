package dev.madang.moderation;

import dev.madang.identity.CurrentUser;
import dev.madang.identity.CurrentUsers;
import dev.madang.problem.ProblemException;
import dev.madang.thread.ForumThread;
import dev.madang.thread.Slugs;
import dev.madang.thread.ThreadModeration;
import dev.madang.thread.ThreadService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page forms of moderation: flagging a post from the question page, moderators' thread tools (close, reopen,
 * lock, pin, move, merge), restricting a member from their profile, and a restricted member's appeal. Each answers
 * with a redirect back, carrying the outcome or the problem for the page to show in the reader's language.
 */
@Controller
class ModerationPages {

	private final Flags flags;

	private final ThreadModeration threads;

	private final ThreadService threadService;

	private final QuestionMerge merges;

	private final Suspensions suspensions;

	private final CurrentUsers currentUsers;

	ModerationPages(Flags flags, ThreadModeration threads, ThreadService threadService, QuestionMerge merges,
			Suspensions suspensions, CurrentUsers currentUsers) {
		this.flags = flags;
		this.threads = threads;
		this.threadService = threadService;
		this.merges = merges;
		this.suspensions = suspensions;
		this.currentUsers = currentUsers;
	}

	record FlagForm(String postType, String postId, String reason, String text, String duplicateOf) {
	}

	@PostMapping("/t/{id}/flag")
	Mono<String> flag(@PathVariable String id, @ModelAttribute FlagForm form) {
		return this.currentUsers.current()
			.flatMap((user) -> this.flags.raise(user, new Flags.FlagRequest(form.postType(), form.postId(), form.reason(),
					form.text(), form.duplicateOf())))
			.then(back(id, "?flagged=" + form.postId() + anchor(form)))
			.onErrorResume(ProblemException.class, (problem) -> back(id, "?problem=" + problem.slug() + anchor(form)));
	}

	private static String anchor(FlagForm form) {
		return "answer".equals(form.postType()) ? "#answer-" + form.postId() : "";
	}

	record ThreadToolForm(String reason, String duplicateOf, String note, String area, String target) {
	}

	@PostMapping("/t/{id}/moderate/{action}")
	Mono<String> moderate(@PathVariable String id, @PathVariable String action, @ModelAttribute ThreadToolForm form) {
		return this.currentUsers.current()
			.flatMap((user) -> apply(user, id, action, form))
			.flatMap((thread) -> Mono.just("redirect:" + Slugs.threadPath(thread.getId(), thread.getTitle())
					+ "?moderated=" + action))
			.onErrorResume(ProblemException.class, (problem) -> back(id, "?problem=" + problem.slug()));
	}

	private Mono<ForumThread> apply(CurrentUser user, String id, String action, ThreadToolForm form) {
		return switch (action) {
			case "close" -> this.threads.close(id, user.id(), form.reason(), form.duplicateOf(), form.note());
			case "reopen" -> this.threads.reopen(id, user.id());
			case "lock" -> this.threads.lock(id, user.id(), form.reason());
			case "unlock" -> this.threads.unlock(id, user.id());
			case "pin" -> this.threads.pin(id, user.id(), true);
			case "unpin" -> this.threads.pin(id, user.id(), false);
			case "move" -> this.threads.move(id, user.id(), form.area());
			case "merge" -> this.merges.merge(id, (form.target() == null) ? "" : form.target().strip(), user.id());
			case "unmerge" -> this.merges.unmerge(id, user.id());
			default -> Mono.error(new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND, "not-found",
					"No such action", "No moderation action " + action + "."));
		};
	}

	record RestrictForm(String kind, Integer days, String reason) {
	}

	@PostMapping("/moderation/members/{id}/restrict")
	Mono<String> restrict(@PathVariable String id, @ModelAttribute RestrictForm form) {
		return this.currentUsers.current()
			.flatMap((user) -> this.suspensions.restrict(user, id, form.kind(), (form.days() == null) ? -1 : form.days(),
					form.reason()))
			.thenReturn("redirect:/u/" + id + "?restricted")
			.onErrorResume(ProblemException.class, (problem) -> Mono.just("redirect:/u/" + id + "?problem=" + problem.slug()));
	}

	@PostMapping("/moderation/members/{id}/lift")
	Mono<String> lift(@PathVariable String id) {
		return this.currentUsers.current()
			.flatMap((user) -> this.suspensions.lift(user.id(), id, "lifted by a moderator"))
			.thenReturn("redirect:/u/" + id + "?lifted");
	}

	/** A member's own flags and what became of them. */
	@GetMapping("/flags")
	Mono<String> myFlags(Model model) {
		return this.currentUsers.current().flatMapMany((user) -> this.flags.of(user.id())).collectList().map((mine) -> {
			model.addAttribute("flags", mine);
			return "moderation/flags";
		});
	}

	@GetMapping("/appeal")
	Mono<String> appealForm(Model model) {
		return this.currentUsers.current().map((user) -> {
			model.addAttribute("restriction", user.restriction());
			return "moderation/appeal";
		});
	}

	record AppealForm(String text) {
	}

	@PostMapping("/appeal")
	Mono<String> appeal(@ModelAttribute AppealForm form) {
		return this.currentUsers.current()
			.flatMap((user) -> this.suspensions.appeal(user, form.text()))
			.thenReturn("redirect:/appeal?filed")
			.onErrorResume(ProblemException.class, (problem) -> Mono.just("redirect:/appeal?problem=" + problem.slug()));
	}

	private Mono<String> back(String threadId, String query) {
		return this.threadService.find(threadId)
			.map((thread) -> "redirect:" + Slugs.threadPath(threadId, thread.getTitle()) + query);
	}

}
