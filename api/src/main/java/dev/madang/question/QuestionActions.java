package dev.madang.question;

import dev.madang.answer.AcceptAnswer;
import dev.madang.answer.AnswerService;
import dev.madang.answer.NewAnswer;
import dev.madang.comment.CommentService;
import dev.madang.comment.NewComment;
import dev.madang.identity.CurrentUser;
import dev.madang.identity.CurrentUsers;
import dev.madang.problem.ProblemException;
import dev.madang.thread.MeToo;
import dev.madang.thread.ThreadService;
import dev.madang.validation.VisibleText;
import dev.madang.vote.PostType;
import dev.madang.vote.VoteService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * What members do on a question page, each a plain form that works without JavaScript: answer, comment, "me too",
 * vote (in place with htmx), accept. A refused action comes back to the page with its reason.
 */
@Controller
class QuestionActions {

	private final ThreadService threads;

	private final AnswerService answers;

	private final AcceptAnswer acceptAnswer;

	private final VoteService votes;

	private final CommentService comments;

	private final MeToo meToo;

	private final CurrentUsers currentUsers;

	private final ThreadRedirects redirects;

	private final QuestionView view;

	QuestionActions(ThreadService threads, AnswerService answers, AcceptAnswer acceptAnswer, VoteService votes, CommentService comments, MeToo meToo, CurrentUsers currentUsers, ThreadRedirects redirects, QuestionView view) {
		this.threads = threads;
		this.answers = answers;
		this.acceptAnswer = acceptAnswer;
		this.votes = votes;
		this.comments = comments;
		this.meToo = meToo;
		this.currentUsers = currentUsers;
		this.redirects = redirects;
		this.view = view;
	}

	@PostMapping("/t/{id}/answers")
	Mono<String> answer(@PathVariable String id, @Valid @ModelAttribute("answerForm") AnswerForm form,
			BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			Mono<CurrentUser> viewer = this.currentUsers.current().cache();
			return this.threads.findVisible(id, viewer).flatMap((thread) -> this.view.show(thread, viewer, model, form));
		}
		return this.currentUsers.current()
			.flatMap((user) -> this.answers.post(user, id, new NewAnswer(form.body())))
			.flatMap((answer) -> this.redirects.backTo(id, "#answer-" + answer.getId()))
			.onErrorResume(ProblemException.class, (problem) -> this.redirects.backWithProblem(id, problem));
	}

	@PostMapping("/t/{id}/comments")
	Mono<String> comment(@PathVariable String id, @ModelAttribute CommentForm form) {
		String anchor = (form.answerId() == null || form.answerId().isBlank()) ? "#question" : "#answer-" + form.answerId();
		return this.currentUsers.current()
			.flatMap((user) -> this.comments.comment(user, id, new NewComment(
					(form.body() == null) ? "" : form.body(), form.answerId())))
			.flatMap((comment) -> this.redirects.backTo(id, anchor))
			.onErrorResume(ProblemException.class, (problem) -> this.redirects.backWithProblem(id, problem))
			.onErrorResume(jakarta.validation.ConstraintViolationException.class,
					(invalid) -> this.redirects.backWithProblem(id, "comment-invalid"));
	}

	@PostMapping("/t/{id}/me-too")
	Mono<String> meToo(@PathVariable String id, @ModelAttribute MeTooForm form) {
		return this.currentUsers.current()
			.flatMap((user) -> this.meToo.set(user.id(), id, form.affected()))
			.flatMap((count) -> this.redirects.backTo(id, "#question"))
			.onErrorResume(ProblemException.class, (problem) -> this.redirects.backWithProblem(id, problem));
	}

	@PostMapping("/t/{id}/vote")
	Mono<String> voteOnQuestion(@PathVariable String id, @ModelAttribute VoteForm form, Model model,
			ServerWebExchange exchange) {
		String action = "/t/" + id + "/vote";
		return isHtmx(exchange) ? voteInPlace(action, PostType.QUESTION, id, form.value(), model)
				: vote(id, PostType.QUESTION, id, form.value(), "");
	}

	@PostMapping("/t/{id}/answers/{answerId}/vote")
	Mono<String> voteOnAnswer(@PathVariable String id, @PathVariable String answerId, @ModelAttribute VoteForm form,
			Model model, ServerWebExchange exchange) {
		String action = "/t/" + id + "/answers/" + answerId + "/vote";
		return isHtmx(exchange) ? voteInPlace(action, PostType.ANSWER, answerId, form.value(), model)
				: vote(id, PostType.ANSWER, answerId, form.value(), "#answer-" + answerId);
	}

	/**
	 * The vote as htmx sends it: answered with the post's vote box alone (score and the caller's vote), a refusal
	 * shown inside it, so the page updates in place.
	 */
	private Mono<String> voteInPlace(String action, PostType type, String postId, int value, Model model) {
		Mono<CurrentUser> user = this.currentUsers.current().cache();
		return user.flatMap((voter) -> this.votes.cast(voter, type, postId, value))
			.map((result) -> voteBox(model, action, result, null))
			.onErrorResume(ProblemException.class, (problem) -> user
				.flatMap((voter) -> this.votes.standing(voter.id(), type, postId))
				.map((standing) -> voteBox(model, action, standing, problem.slug())));
	}

	private static String voteBox(Model model, String action, VoteService.VoteResult result, String problem) {
		model.addAttribute("voteAction", action);
		model.addAttribute("voteScore", result.score());
		model.addAttribute("myVote", result.myVote());
		model.addAttribute("voteProblem", problem);
		return "question/parts :: votes(action=${voteAction}, score=${voteScore}, mine=${myVote}, kind='post')";
	}

	private static boolean isHtmx(ServerWebExchange exchange) {
		return exchange.getRequest().getHeaders().containsHeader("HX-Request");
	}

	@PostMapping("/t/{id}/answers/{answerId}/accept")
	Mono<String> accept(@PathVariable String id, @PathVariable String answerId) {
		return this.currentUsers.current()
			.flatMap((user) -> this.acceptAnswer.accept(user, id, answerId))
			.flatMap((thread) -> this.redirects.backTo(id, "#answer-" + answerId))
			.onErrorResume(ProblemException.class, (problem) -> this.redirects.backWithProblem(id, problem));
	}

	private Mono<String> vote(String threadId, PostType type, String postId, int value, String anchor) {
		return this.currentUsers.current()
			.flatMap((user) -> this.votes.cast(user, type, postId, value))
			.flatMap((result) -> this.redirects.backTo(threadId, anchor))
			.onErrorResume(ProblemException.class, (problem) -> this.redirects.backWithProblem(threadId, problem));
	}

	record MeTooForm(boolean affected) {
	}

	record VoteForm(int value) {
	}

	record CommentForm(String body, String answerId) {
	}

	record AnswerForm(@VisibleText(message = "{answer.body.required}")
	@Size(min = 10, max = 30000, message = "{answer.body.size}") String body) {
	}

}
