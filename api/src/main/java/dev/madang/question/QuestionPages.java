package dev.madang.question;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.madang.answer.AcceptAnswer;
import dev.madang.answer.Answer;
import dev.madang.answer.AnswerService;
import dev.madang.answer.NewAnswer;
import dev.madang.comment.CommentService;
import dev.madang.comment.NewComment;
import dev.madang.identity.CurrentUser;
import dev.madang.identity.CurrentUsers;
import dev.madang.identity.Role;
import dev.madang.security.AccessRules;
import dev.madang.thread.ForumThread;
import dev.madang.thread.MeToo;
import dev.madang.thread.NewThread;
import dev.madang.thread.Slugs;
import dev.madang.thread.ThreadService;
import dev.madang.vote.PostType;
import dev.madang.vote.VoteService;
import dev.madang.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

/**
 * The question page (the question, its answers with the solution first, voting, accepting, answering) and the ask
 * page. Every control is a plain form, so it works without JavaScript; a refused action comes back to the page with
 * its reason.
 */
@Controller
class QuestionPages {

	private final ThreadService threads;

	private final AnswerService answers;

	private final AcceptAnswer acceptAnswer;

	private final VoteService votes;

	private final CurrentUsers currentUsers;

	private final CommentService comments;

	private final MeToo meToo;

	private final Validator validator;

	private final MessageSource messages;

	QuestionPages(ThreadService threads, AnswerService answers, AcceptAnswer acceptAnswer, VoteService votes,
			CurrentUsers currentUsers, Validator validator, MessageSource messages,
			CommentService comments, MeToo meToo) {
		this.comments = comments;
		this.meToo = meToo;
		this.validator = validator;
		this.messages = messages;
		this.threads = threads;
		this.answers = answers;
		this.acceptAnswer = acceptAnswer;
		this.votes = votes;
		this.currentUsers = currentUsers;
	}

	@GetMapping("/t/{id}")
	Mono<String> shortLink(@PathVariable String id) {
		return this.threads.find(id).map((thread) -> "redirect:" + Slugs.threadPath(id, thread.getTitle()));
	}

	@GetMapping("/t/{id}/{slug}")
	Mono<String> question(@PathVariable String id, @PathVariable String slug,
			@RequestParam(name = "problem", required = false) String problem, Model model) {
		if (problem != null && problem.matches("[a-z-]{1,40}")) {
			model.addAttribute("problem", problem);
		}
		return this.threads.find(id).flatMap((thread) -> {
			String canonical = Slugs.of(thread.getTitle());
			if (!canonical.equals(slug)) {
				return Mono.just("redirect:" + Slugs.threadPath(id, thread.getTitle()));
			}
			return show(thread, model, new AnswerForm(""));
		});
	}

	@PostMapping("/t/{id}/answers")
	Mono<String> answer(@PathVariable String id, @Valid @ModelAttribute("answerForm") AnswerForm form,
			BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return this.threads.find(id).flatMap((thread) -> show(thread, model, form));
		}
		return this.currentUsers.current()
			.flatMap((user) -> this.answers.post(user.id(), id, new NewAnswer(form.body())))
			.flatMap((answer) -> backTo(id, "#answer-" + answer.getId()))
			.onErrorResume(ProblemException.class, (problem) -> backWithProblem(id, problem));
	}

	@PostMapping("/t/{id}/comments")
	Mono<String> comment(@PathVariable String id, @ModelAttribute CommentForm form) {
		String anchor = (form.answerId() == null || form.answerId().isBlank()) ? "#question" : "#answer-" + form.answerId();
		return this.currentUsers.current()
			.flatMap((user) -> this.comments.comment(user, id, new NewComment(
					(form.body() == null) ? "" : form.body(), form.answerId())))
			.flatMap((comment) -> backTo(id, anchor))
			.onErrorResume(ProblemException.class, (problem) -> backWithProblem(id, problem))
			.onErrorResume(jakarta.validation.ConstraintViolationException.class,
					(invalid) -> this.threads.find(id).map((thread) -> "redirect:"
							+ Slugs.threadPath(id, thread.getTitle()) + "?problem=comment-invalid"));
	}

	@PostMapping("/t/{id}/me-too")
	Mono<String> meToo(@PathVariable String id, @ModelAttribute MeTooForm form) {
		return this.currentUsers.current()
			.flatMap((user) -> this.meToo.set(user.id(), id, form.affected()))
			.flatMap((count) -> backTo(id, "#question"))
			.onErrorResume(ProblemException.class, (problem) -> backWithProblem(id, problem));
	}

	@PostMapping("/t/{id}/vote")
	Mono<String> voteOnQuestion(@PathVariable String id, @ModelAttribute VoteForm form) {
		return vote(id, PostType.QUESTION, id, form.value(), "");
	}

	@PostMapping("/t/{id}/answers/{answerId}/vote")
	Mono<String> voteOnAnswer(@PathVariable String id, @PathVariable String answerId, @ModelAttribute VoteForm form) {
		return vote(id, PostType.ANSWER, answerId, form.value(), "#answer-" + answerId);
	}

	@PostMapping("/t/{id}/answers/{answerId}/accept")
	Mono<String> accept(@PathVariable String id, @PathVariable String answerId) {
		return this.currentUsers.current()
			.flatMap((user) -> this.acceptAnswer.accept(user, id, answerId))
			.flatMap((thread) -> backTo(id, "#answer-" + answerId))
			.onErrorResume(ProblemException.class, (problem) -> backWithProblem(id, problem));
	}

	@GetMapping("/ask")
	String askForm(Model model) {
		model.addAttribute("form", new AskForm("", "", ""));
		return "question/ask";
	}

	@PostMapping("/ask")
	Mono<String> ask(@Valid @ModelAttribute("form") AskForm form, BindingResult errors,
			ServerWebExchange exchange) {
		NewThread request = form.toNewThread();
		if (!errors.hasFieldErrors("tags")) {
			// The same rules as the API's (at most five tags, each a valid name), told in the reader's language.
			Locale locale = exchange.getLocaleContext().getLocale();
			this.validator.validate(request).stream()
				.filter((violation) -> violation.getPropertyPath().toString().startsWith("tags"))
				.findFirst()
				.ifPresent((violation) -> {
					String code = violation.getMessageTemplate().replaceAll("[{}]", "");
					String text = this.messages.getMessage(code, null, violation.getMessage(), locale);
					errors.rejectValue("tags", "tags.invalid", text.replace("{max}", "5"));
				});
		}
		if (errors.hasErrors()) {
			return Mono.just("question/ask");
		}
		return this.currentUsers.current()
			.flatMap((user) -> this.threads.start(user.id(), request))
			.map((thread) -> "redirect:" + Slugs.threadPath(thread.getId(), thread.getTitle()));
	}

	private Mono<String> vote(String threadId, PostType type, String postId, int value, String anchor) {
		return this.currentUsers.current()
			.flatMap((user) -> this.votes.cast(user, type, postId, value))
			.flatMap((result) -> backTo(threadId, anchor))
			.onErrorResume(ProblemException.class, (problem) -> backWithProblem(threadId, problem));
	}

	private Mono<String> show(ForumThread thread, Model model, AnswerForm form) {
		Mono<CurrentUser> me = this.currentUsers.current();
		return Mono.zip(this.answers.forThread(thread).collectList(), this.comments.forThread(thread).collectList())
			.flatMap((found) -> {
			List<Answer> list = found.getT1();
			model.addAttribute("comments", found.getT2().stream()
				.collect(java.util.stream.Collectors.groupingBy((comment) -> (comment.answerId() == null) ? "question"
						: comment.answerId())));
			List<String> postIds = new ArrayList<>(list.stream().map(Answer::getId).toList());
			postIds.add(thread.getId());
			return me.flatMap((user) -> Mono.zip(this.votes.votesOf(user.id(), postIds),
					this.meToo.isAffected(user.id(), thread.getId()))
				.map((mine) -> new Viewer(user, mine.getT1(), mine.getT2())))
				.defaultIfEmpty(new Viewer(null, Map.of(), false))
				.map((viewer) -> {
					model.addAttribute("thread", thread);
					model.addAttribute("bodyHtml", this.threads.bodyHtml(thread));
					model.addAttribute("answers", list.stream().map((answer) -> new AnswerRow(answer,
							this.answers.bodyHtml(answer), answer.getId().equals(thread.getAcceptedAnswerId()),
							viewer.votes().getOrDefault(answer.getId(), 0))).toList());
					model.addAttribute("myQuestionVote", viewer.votes().getOrDefault(thread.getId(), 0));
					model.addAttribute("meToo", viewer.meToo());
					model.addAttribute("canSayMeToo", viewer.user() != null && !viewer.user().id().equals(thread.getAuthorId()));
					model.addAttribute("canAccept", viewer.user() != null && (viewer.user().id().equals(thread.getAuthorId())
							|| AccessRules.hasRole(viewer.user(), Role.MODERATOR)));
					model.addAttribute("canAnswer", thread.getStatus().acceptsAnswers());
					model.addAttribute("answerForm", form);
					return "question/question";
				});
		});
	}

	private Mono<String> backTo(String threadId, String anchor) {
		return this.threads.find(threadId)
			.map((thread) -> "redirect:" + Slugs.threadPath(threadId, thread.getTitle()) + anchor);
	}

	private Mono<String> backWithProblem(String threadId, ProblemException problem) {
		String slug = String.valueOf(problem.getBody().getType()).replace("/problems/", "");
		return this.threads.find(threadId)
			.map((thread) -> "redirect:" + Slugs.threadPath(threadId, thread.getTitle()) + "?problem=" + slug);
	}

	record AnswerRow(Answer answer, String bodyHtml, boolean accepted, int myVote) {
	}

	record Viewer(CurrentUser user, Map<String, Integer> votes, boolean meToo) {
	}

	record MeTooForm(boolean affected) {
	}

	record VoteForm(int value) {
	}

	record CommentForm(String body, String answerId) {
	}

	record AnswerForm(@NotBlank(message = "{answer.body.required}")
	@Size(min = 10, max = 30000, message = "{answer.body.size}") String body) {
	}

	/** The ask form: tags typed as one comma- or space-separated field. */
	record AskForm(
			@NotBlank(message = "{thread.title.required}")
			@Size(max = 200, message = "{thread.title.size}") String title,
			@NotBlank(message = "{thread.body.required}")
			@Size(max = 30000, message = "{thread.body.size}") String body,
			@Pattern(regexp = "[\\p{L}\\p{N}+#.\\-, ]{0,200}",
					message = "{thread.tag.pattern}") String tags) {

		NewThread toNewThread() {
			List<String> parsed = (this.tags == null) ? List.of()
					: Arrays.stream(this.tags.split("[,\\s]+")).filter((tag) -> !tag.isBlank()).toList();
			return new NewThread(this.title, this.body, parsed);
		}

	}

}
