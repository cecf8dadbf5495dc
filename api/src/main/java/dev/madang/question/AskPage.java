package dev.madang.question;

import java.util.Locale;

import dev.madang.identity.CurrentUsers;
import dev.madang.problem.ProblemException;
import dev.madang.thread.NewThread;
import dev.madang.thread.Slugs;
import dev.madang.thread.ThreadService;
import dev.madang.validation.VisibleText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * The ask page: title, body, tags and product area; tags a member may not create come back as a field error.
 */
@Controller
class AskPage {

	private final ThreadService threads;

	private final CurrentUsers currentUsers;

	private final QuestionFields fields;

	private final java.time.Clock clock;

	private final dev.madang.knownissue.ProductIssues issues;

	AskPage(ThreadService threads, CurrentUsers currentUsers, QuestionFields fields, java.time.Clock clock,
			dev.madang.knownissue.ProductIssues issues) {
		this.issues = issues;
		this.clock = clock;
		this.threads = threads;
		this.currentUsers = currentUsers;
		this.fields = fields;
	}

	@GetMapping("/ask")
	String askForm(Model model) {
		// When the form was opened, so the spam rules can tell a person typing from a bot sending at once.
		model.addAttribute("form", new AskForm("", "", "", "", this.clock.millis()));
		model.addAttribute("areas", this.fields.areas());
		model.addAttribute("issues", openIssues());
		return "question/ask";
	}

	@PostMapping("/ask")
	Mono<String> ask(@Valid @ModelAttribute("form") AskForm form, BindingResult errors, Model model,
			ServerWebExchange exchange) {
		NewThread request = form.toNewThread();
		Locale locale = exchange.getLocaleContext().getLocale();
		this.fields.check(request.tags(), errors, locale);
		model.addAttribute("areas", this.fields.areas());
		model.addAttribute("issues", openIssues());
		if (errors.hasErrors()) {
			return Mono.just("question/ask");
		}
		return this.currentUsers.current()
			.flatMap((user) -> this.threads.start(user, request, form.composeTime(this.clock.instant())))
			.map((thread) -> "redirect:" + Slugs.threadPath(thread.getId(), thread.getTitle()))
			.onErrorResume(ProblemException.class, (problem) -> this.fields.reject(problem, errors, locale)
					? Mono.just("question/ask") : Mono.error(problem));
	}

	/** Open known issues, shown before someone asks about one again. */
	private Mono<java.util.List<dev.madang.knownissue.ProductIssue>> openIssues() {
		return this.issues.open(null).take(5).collectList();
	}

	/** The ask form: tags typed as one comma- or space-separated field. */
	record AskForm(
			@VisibleText(message = "{thread.title.required}")
			@Size(max = 200, message = "{thread.title.size}") String title,
			@VisibleText(message = "{thread.body.required}")
			@Size(max = 30000, message = "{thread.body.size}") String body,
			@Pattern(regexp = QuestionFields.TAGS_TEXT_PATTERN,
					message = "{thread.tag.pattern}") String tags,
			@Size(max = 40) String area, Long openedAt) {

		/** How long the form was open, or null when it did not say (or said something impossible). */
		java.time.Duration composeTime(java.time.Instant now) {
			if (this.openedAt == null) {
				return null;
			}
			java.time.Duration open = java.time.Duration.between(java.time.Instant.ofEpochMilli(this.openedAt), now);
			return (open.isNegative() || open.toDays() > 1) ? null : open;
		}

		NewThread toNewThread() {
			return new NewThread(this.title, this.body, QuestionFields.parse(this.tags), blankToNull(this.area));
		}

	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
