package dev.madang.question;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.madang.answer.AnswerEdit;
import dev.madang.answer.AnswerService;
import dev.madang.identity.AccountService;
import dev.madang.identity.Author;
import dev.madang.identity.CurrentUser;
import dev.madang.identity.CurrentUsers;
import dev.madang.revision.RevisionHistory;
import dev.madang.security.AccessRules;
import dev.madang.thread.ForumThread;
import dev.madang.thread.Slugs;
import dev.madang.thread.ThreadEdit;
import dev.madang.thread.ThreadService;
import dev.madang.problem.ProblemException;
import dev.madang.validation.VisibleText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * Editing questions and answers, their revision histories, and deleting and undeleting them from the question page.
 * The edit form carries the revision it started from, so saving over someone else's newer edit is refused with the
 * reason instead of losing their change.
 */
@Controller
class EditPages {

	private final ThreadService threads;

	private final AnswerService answers;

	private final PostDeletion deletion;

	private final RevisionHistory revisions;

	private final CurrentUsers currentUsers;

	private final ThreadRedirects redirects;

	private final MessageSource messages;

	private final QuestionFields fields;

	private final AccountService accounts;

	private final AccessRules rules;

	EditPages(ThreadService threads, AnswerService answers, PostDeletion deletion, RevisionHistory revisions,
			CurrentUsers currentUsers, ThreadRedirects redirects, MessageSource messages, QuestionFields fields,
			AccountService accounts, AccessRules rules) {
		this.rules = rules;
		this.accounts = accounts;
		this.fields = fields;
		this.threads = threads;
		this.answers = answers;
		this.deletion = deletion;
		this.revisions = revisions;
		this.currentUsers = currentUsers;
		this.redirects = redirects;
		this.messages = messages;
	}

	@GetMapping("/t/{id}/edit")
	Mono<String> editQuestion(@PathVariable String id, Model model) {
		Mono<CurrentUser> viewer = this.currentUsers.current().cache();
		return this.threads.findVisible(id, viewer).flatMap((thread) -> mayEdit(viewer, id, thread.getAuthorId(), () -> {
			model.addAttribute("thread", thread);
			model.addAttribute("form", new QuestionEditForm(thread.getTitle(), thread.getBody(),
					String.join(", ", thread.getTags()), thread.getProductArea(), "", thread.getRevision()));
			model.addAttribute("areas", this.fields.areas());
			return "question/edit-question";
		}));
	}

	/** The edit form for those who may edit; others go back to the thread with the reason. */
	private Mono<String> mayEdit(Mono<CurrentUser> viewer, String threadId, String authorId, Supplier<String> form) {
		return viewer.flatMap((user) -> this.rules.mayEdit(user, authorId))
			.then(Mono.fromSupplier(form))
			.onErrorResume(ProblemException.class, (problem) -> this.redirects.backWithProblem(threadId, problem));
	}

	@PostMapping("/t/{id}/edit")
	Mono<String> saveQuestion(@PathVariable String id, @Valid @ModelAttribute("form") QuestionEditForm form,
			BindingResult errors, Model model, ServerWebExchange exchange) {
		return this.threads.find(id).flatMap((thread) -> {
			model.addAttribute("thread", thread);
			model.addAttribute("areas", this.fields.areas());
			Locale locale = exchange.getLocaleContext().getLocale();
			this.fields.check(form.toEdit().tags(), errors, locale);
			if (errors.hasErrors()) {
				return Mono.just("question/edit-question");
			}
			return this.currentUsers.current()
				.flatMap((editor) -> this.threads.edit(editor, id, form.toEdit()))
				.map((edited) -> "redirect:" + Slugs.threadPath(id, edited.getTitle()))
				.onErrorResume(ProblemException.class, (problem) -> this.fields.reject(problem, errors, locale)
						? Mono.just("question/edit-question")
						: refused(problem, model, exchange, "question/edit-question"));
		});
	}

	@GetMapping("/t/{id}/answers/{answerId}/edit")
	Mono<String> editAnswer(@PathVariable String id, @PathVariable String answerId, Model model) {
		Mono<CurrentUser> viewer = this.currentUsers.current().cache();
		return this.threads.findVisible(id, viewer)
			.zipWith(this.answers.findIn(id, answerId))
			.flatMap((found) -> mayEdit(viewer, id, found.getT2().getAuthorId(), () -> {
				model.addAttribute("thread", found.getT1());
				model.addAttribute("answer", found.getT2());
				model.addAttribute("form", new AnswerEditForm(found.getT2().getBody(), "", found.getT2().getRevision()));
				return "question/edit-answer";
			}));
	}

	@PostMapping("/t/{id}/answers/{answerId}/edit")
	Mono<String> saveAnswer(@PathVariable String id, @PathVariable String answerId,
			@Valid @ModelAttribute("form") AnswerEditForm form, BindingResult errors, Model model,
			ServerWebExchange exchange) {
		return this.threads.find(id).zipWith(this.answers.findIn(id, answerId)).flatMap((found) -> {
			model.addAttribute("thread", found.getT1());
			model.addAttribute("answer", found.getT2());
			if (errors.hasErrors()) {
				return Mono.just("question/edit-answer");
			}
			return this.currentUsers.current()
				.flatMap((editor) -> this.answers.edit(editor, id, answerId, form.toEdit()))
				.flatMap((edited) -> this.redirects.backTo(id, "#answer-" + answerId))
				.onErrorResume(ProblemException.class, (problem) -> refused(problem, model, exchange,
						"question/edit-answer"));
		});
	}

	@GetMapping("/t/{id}/revisions")
	Mono<String> questionRevisions(@PathVariable String id, Model model) {
		return this.threads.findVisible(id, this.currentUsers.current())
			.flatMap((thread) -> this.revisions.of(thread.currentRevision())
				.flatMap((entries) -> revisionsPage(thread, entries, model)));
	}

	@GetMapping("/t/{id}/answers/{answerId}/revisions")
	Mono<String> answerRevisions(@PathVariable String id, @PathVariable String answerId, Model model) {
		Mono<CurrentUser> viewer = this.currentUsers.current().cache();
		return this.threads.findVisible(id, viewer)
			.zipWith(this.answers.findVisibleIn(id, answerId, viewer))
			.flatMap((found) -> this.revisions.of(found.getT2().currentRevision())
				.flatMap((entries) -> revisionsPage(found.getT1(), entries, model)));
	}

	private Mono<String> revisionsPage(ForumThread thread, List<RevisionHistory.RevisionEntry> entries, Model model) {
		return this.accounts.authors(entries.stream().map((entry) -> entry.revision().editorId()).toList())
			.map((authors) -> {
				model.addAttribute("thread", thread);
				model.addAttribute("entries", entries);
				model.addAttribute("names", authors.values().stream()
					.collect(java.util.stream.Collectors.toMap(Author::id, Author::displayName)));
				return "question/revisions";
			});
	}

	@PostMapping("/t/{id}/delete")
	Mono<String> deleteQuestion(@PathVariable String id) {
		return act(id, "#question", (user) -> this.deletion.deleteThread(user, id));
	}

	@PostMapping("/t/{id}/undelete")
	Mono<String> undeleteQuestion(@PathVariable String id) {
		return act(id, "#question", (user) -> this.deletion.undeleteThread(user, id).then());
	}

	@PostMapping("/t/{id}/answers/{answerId}/delete")
	Mono<String> deleteAnswer(@PathVariable String id, @PathVariable String answerId) {
		return act(id, "#answer-" + answerId, (user) -> this.deletion.deleteAnswer(user, id, answerId));
	}

	@PostMapping("/t/{id}/answers/{answerId}/undelete")
	Mono<String> undeleteAnswer(@PathVariable String id, @PathVariable String answerId) {
		return act(id, "#answer-" + answerId, (user) -> this.deletion.undeleteAnswer(user, id, answerId).then());
	}

	private Mono<String> act(String threadId, String anchor, java.util.function.Function<CurrentUser, Mono<Void>> action) {
		return this.currentUsers.current()
			.flatMap((user) -> action.apply(user))
			.then(Mono.defer(() -> this.redirects.backTo(threadId, anchor)))
			.onErrorResume(ProblemException.class, (problem) -> this.redirects.backWithProblem(threadId, problem));
	}

	/** Shows the form again with the refusal in the reader's language. */
	private Mono<String> refused(ProblemException problem, Model model, ServerWebExchange exchange, String view) {
		Locale locale = exchange.getLocaleContext().getLocale();
		model.addAttribute("refusal", this.messages.getMessage("problem." + problem.slug(), null,
				problem.getBody().getDetail(), (locale != null) ? locale : Locale.ENGLISH));
		return Mono.just(view);
	}

	/** The question edit form: tags as one comma- or space-separated field, like the ask form. */
	record QuestionEditForm(
			@VisibleText(message = "{thread.title.required}")
			@Size(max = 200, message = "{thread.title.size}") String title,
			@VisibleText(message = "{thread.body.required}")
			@Size(max = 30000, message = "{thread.body.size}") String body,
			@Pattern(regexp = QuestionFields.TAGS_TEXT_PATTERN, message = "{thread.tag.pattern}") String tags,
			@Size(max = 40) String area, @Size(max = 300, message = "{edit.summary.size}") String summary,
			Integer baseRevision) {

		ThreadEdit toEdit() {
			return new ThreadEdit(this.title, this.body, QuestionFields.parse(this.tags),
					(this.area == null || this.area.isBlank()) ? null : this.area, this.summary, this.baseRevision);
		}

	}

	record AnswerEditForm(
			@VisibleText(message = "{answer.body.required}")
			@Size(min = 10, max = 30000, message = "{answer.body.size}") String body,
			@Size(max = 300, message = "{edit.summary.size}") String summary, Integer baseRevision) {

		AnswerEdit toEdit() {
			return new AnswerEdit(this.body, this.summary, this.baseRevision);
		}

	}

}
