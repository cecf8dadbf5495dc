package dev.madang.question;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.madang.answer.AcceptAnswer;
import dev.madang.answer.Answer;
import dev.madang.answer.AnswerService;
import dev.madang.answer.NewAnswer;
import dev.madang.area.ProductAreas;
import dev.madang.comment.CommentService;
import dev.madang.comment.NewComment;
import dev.madang.identity.AccountService;
import dev.madang.identity.CurrentUser;
import dev.madang.knowledge.Article;
import dev.madang.knowledge.ArticleStatus;
import dev.madang.knowledge.KnowledgeBase;
import dev.madang.identity.CurrentUsers;
import dev.madang.identity.Role;
import dev.madang.revision.Deletion;
import dev.madang.security.AccessRules;
import dev.madang.security.Privilege;
import dev.madang.thread.ForumThread;
import dev.madang.thread.MeToo;
import dev.madang.thread.NewThread;
import dev.madang.thread.Slugs;
import dev.madang.thread.ThreadNotFoundException;
import dev.madang.thread.ThreadService;
import dev.madang.thread.ViewCounter;
import dev.madang.vote.PostType;
import dev.madang.vote.VoteService;
import dev.madang.site.ClientAddress;
import dev.madang.problem.ProblemException;
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

	private final QuestionFields fields;

	private final AccountService accounts;

	private final ProductAreas areas;

	private final ViewCounter views;

	private final ThreadRedirects redirects;

	private final AccessRules rules;

	private final KnowledgeBase knowledgeBase;

	QuestionPages(ThreadService threads, AnswerService answers, AcceptAnswer acceptAnswer, VoteService votes,
			CurrentUsers currentUsers, QuestionFields fields, CommentService comments, MeToo meToo,
			ThreadRedirects redirects, AccessRules rules, AccountService accounts, ProductAreas areas,
			ViewCounter views, KnowledgeBase knowledgeBase) {
		this.knowledgeBase = knowledgeBase;
		this.views = views;
		this.areas = areas;
		this.accounts = accounts;
		this.fields = fields;
		this.redirects = redirects;
		this.rules = rules;
		this.comments = comments;
		this.meToo = meToo;
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

	/** Any post's address: a question's page, or the question page at the answer. */
	@GetMapping("/p/{id}")
	Mono<String> post(@PathVariable String id) {
		return this.threads.find(id).map((thread) -> "redirect:" + Slugs.threadPath(id, thread.getTitle()))
			.onErrorResume(ThreadNotFoundException.class, (notThread) -> this.answers.find(id)
				.flatMap((answer) -> this.redirects.backTo(answer.getThreadId(), "#answer-" + id)));
	}

	@GetMapping("/t/{id}/{slug}")
	Mono<String> question(@PathVariable String id, @PathVariable String slug,
			@RequestParam(name = "problem", required = false) String problem, Model model, ServerWebExchange exchange) {
		if (problem != null && problem.matches("[a-z-]{1,40}")) {
			model.addAttribute("problem", problem);
		}
		Mono<CurrentUser> viewer = this.currentUsers.current().cache();
		return this.threads.findVisible(id, viewer).flatMap((thread) -> {
			String canonical = Slugs.of(thread.getTitle());
			if (!canonical.equals(slug)) {
				return Mono.just("redirect:" + Slugs.threadPath(id, thread.getTitle()));
			}
			return viewer.map(CurrentUser::id)
				.defaultIfEmpty(ClientAddress.of(exchange))
				.doOnNext((viewerKey) -> this.views.viewed(id, viewerKey))
				.then(show(thread, viewer, model, new AnswerForm("")));
		});
	}

	@PostMapping("/t/{id}/answers")
	Mono<String> answer(@PathVariable String id, @Valid @ModelAttribute("answerForm") AnswerForm form,
			BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			Mono<CurrentUser> viewer = this.currentUsers.current().cache();
			return this.threads.findVisible(id, viewer).flatMap((thread) -> show(thread, viewer, model, form));
		}
		return this.currentUsers.current()
			.flatMap((user) -> this.answers.post(user.id(), id, new NewAnswer(form.body())))
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

	@GetMapping("/ask")
	String askForm(Model model) {
		model.addAttribute("form", new AskForm("", "", "", ""));
		model.addAttribute("areas", this.fields.areas());
		return "question/ask";
	}

	@PostMapping("/ask")
	Mono<String> ask(@Valid @ModelAttribute("form") AskForm form, BindingResult errors, Model model,
			ServerWebExchange exchange) {
		NewThread request = form.toNewThread();
		Locale locale = exchange.getLocaleContext().getLocale();
		this.fields.check(request.tags(), errors, locale);
		model.addAttribute("areas", this.fields.areas());
		if (errors.hasErrors()) {
			return Mono.just("question/ask");
		}
		return this.currentUsers.current()
			.flatMap((user) -> this.threads.start(user, request))
			.map((thread) -> "redirect:" + Slugs.threadPath(thread.getId(), thread.getTitle()))
			.onErrorResume(ProblemException.class, (problem) -> this.fields.reject(problem, errors, locale)
					? Mono.just("question/ask") : Mono.error(problem));
	}

	private Mono<String> vote(String threadId, PostType type, String postId, int value, String anchor) {
		return this.currentUsers.current()
			.flatMap((user) -> this.votes.cast(user, type, postId, value))
			.flatMap((result) -> this.redirects.backTo(threadId, anchor))
			.onErrorResume(ProblemException.class, (problem) -> this.redirects.backWithProblem(threadId, problem));
	}

	private Mono<String> show(ForumThread thread, Mono<CurrentUser> viewer, Model model, AnswerForm form) {
		return Mono.zip(this.answers.forThread(thread).collectList(), this.comments.forThread(thread).collectList(),
				viewer.map(Optional::of).defaultIfEmpty(Optional.empty()))
			.flatMap((found) -> {
				CurrentUser user = found.getT3().orElse(null);
				List<Answer> list = found.getT1().stream().filter((answer) -> AnswerService.visibleTo(answer, user))
					.toList();
				model.addAttribute("comments", found.getT2().stream()
					.collect(Collectors.groupingBy((comment) -> (comment.answerId() == null) ? "question"
							: comment.answerId())));
				List<String> postIds = new ArrayList<>(list.stream().map(Answer::getId).toList());
				postIds.add(thread.getId());
				Mono<Viewer> state = (user == null) ? Mono.just(new Viewer(null, Map.of(), false))
						: Mono.zip(this.votes.votesOf(user.id(), postIds), this.meToo.isAffected(user.id(), thread.getId()))
							.map((mine) -> new Viewer(user, mine.getT1(), mine.getT2()));
				List<String> authorIds = new ArrayList<>(list.stream().map(Answer::getAuthorId).toList());
				authorIds.add(thread.getAuthorId());
				boolean staff = KnowledgeBase.isStaff(user);
				Mono<List<Article>> official = this.knowledgeBase.byIds(thread.getArticleIds())
					.filter((article) -> article.isPublic() || (staff && article.getStatus() != ArticleStatus.ARCHIVED))
					.collectList();
				return Mono.zip(state, this.accounts.authors(authorIds), this.areas.bySlug(), official).map((both) -> {
					Viewer me = both.getT1();
					model.addAttribute("officialArticles", both.getT4());
					model.addAttribute("canPromote", staff && thread.getAcceptedAnswerId() != null && !thread.isDeleted());
					model.addAttribute("authors", both.getT2());
					model.addAttribute("area", (thread.getProductArea() != null)
							? both.getT3().get(thread.getProductArea()) : null);
					model.addAttribute("thread", thread);
					model.addAttribute("bodyHtml", this.threads.bodyHtml(thread));
					model.addAttribute("questionControls", controls(user, thread.getAuthorId(), thread.getDeletion()));
					model.addAttribute("answers", list.stream().map((answer) -> new AnswerRow(answer,
							this.answers.bodyHtml(answer), answer.getId().equals(thread.getAcceptedAnswerId()),
							me.votes().getOrDefault(answer.getId(), 0),
							controls(user, answer.getAuthorId(), answer.getDeletion()))).toList());
					model.addAttribute("myQuestionVote", me.votes().getOrDefault(thread.getId(), 0));
					model.addAttribute("meToo", me.meToo());
					model.addAttribute("canSayMeToo", user != null && !user.id().equals(thread.getAuthorId())
							&& !thread.isDeleted());
					model.addAttribute("canAccept", user != null && (user.id().equals(thread.getAuthorId())
							|| AccessRules.hasRole(user, Role.MODERATOR)));
					model.addAttribute("canAnswer", thread.getStatus().acceptsAnswers());
					model.addAttribute("answerForm", form);
					return "question/question";
				});
			});
	}

	/** Which of edit, delete and undelete the viewer sees on a post; the services decide again when it is used. */
	private PostControls controls(CurrentUser user, String authorId, Deletion deletion) {
		if (user == null) {
			return PostControls.NONE;
		}
		boolean modifies = AccessRules.mayModify(user, authorId);
		if (deletion != null) {
			return new PostControls(false, false, PostDeletion.mayUndelete(user, authorId, deletion));
		}
		return new PostControls(modifies || this.rules.allows(user, Privilege.EDIT_OTHERS), modifies, false);
	}

	record AnswerRow(Answer answer, String bodyHtml, boolean accepted, int myVote, PostControls controls) {
	}

	record PostControls(boolean edit, boolean delete, boolean undelete) {

		static final PostControls NONE = new PostControls(false, false, false);

	}

	record Viewer(CurrentUser user, Map<String, Integer> votes, boolean meToo) {
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

	/** The ask form: tags typed as one comma- or space-separated field. */
	record AskForm(
			@VisibleText(message = "{thread.title.required}")
			@Size(max = 200, message = "{thread.title.size}") String title,
			@VisibleText(message = "{thread.body.required}")
			@Size(max = 30000, message = "{thread.body.size}") String body,
			@Pattern(regexp = QuestionFields.TAGS_TEXT_PATTERN,
					message = "{thread.tag.pattern}") String tags,
			@Size(max = 40) String area) {

		NewThread toNewThread() {
			return new NewThread(this.title, this.body, QuestionFields.parse(this.tags), blankToNull(this.area));
		}

	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
