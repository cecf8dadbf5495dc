package dev.madang.question;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.madang.answer.Answer;
import dev.madang.answer.AnswerService;
import dev.madang.area.ProductAreas;
import dev.madang.comment.CommentService;
import dev.madang.identity.AccountService;
import dev.madang.identity.CurrentUser;
import dev.madang.identity.Role;
import dev.madang.knowledge.Article;
import dev.madang.knowledge.ArticleStatus;
import dev.madang.knowledge.KnowledgeBase;
import dev.madang.revision.Deletion;
import dev.madang.security.AccessRules;
import dev.madang.security.Privilege;
import dev.madang.thread.ForumThread;
import dev.madang.thread.MeToo;
import dev.madang.thread.ThreadService;
import dev.madang.vote.VoteService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The question page's model: the question, its answers (the solution first) with the viewer's votes and controls,
 * comments, authors, area and official articles; shown on reading and again with a refused answer form.
 */
@Component
class QuestionView {

	private final ThreadService threads;

	private final AnswerService answers;

	private final CommentService comments;

	private final VoteService votes;

	private final MeToo meToo;

	private final AccountService accounts;

	private final ProductAreas areas;

	private final KnowledgeBase knowledgeBase;

	private final AccessRules rules;

	private final dev.madang.knownissue.ProductIssues issues;

	QuestionView(ThreadService threads, AnswerService answers, CommentService comments, VoteService votes, MeToo meToo, AccountService accounts, ProductAreas areas, KnowledgeBase knowledgeBase, AccessRules rules, dev.madang.knownissue.ProductIssues issues) {
		this.issues = issues;
		this.threads = threads;
		this.answers = answers;
		this.comments = comments;
		this.votes = votes;
		this.meToo = meToo;
		this.accounts = accounts;
		this.areas = areas;
		this.knowledgeBase = knowledgeBase;
		this.rules = rules;
	}

	Mono<String> show(ForumThread thread, Mono<CurrentUser> viewer, Model model, QuestionActions.AnswerForm form) {
		return Mono.zip(this.answers.forThread(thread).collectList(), this.comments.forThread(thread).collectList(),
				viewer.map(Optional::of).defaultIfEmpty(Optional.empty()))
			.flatMap((found) -> {
				CurrentUser user = found.getT3().orElse(null);
				List<Answer> list = found.getT1().stream().filter((answer) -> AnswerService.visibleTo(answer, user))
					.toList();
				model.addAttribute("comments", found.getT2().stream().filter((comment) -> CommentService.visibleTo(comment, user))
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
				// The original a duplicate points to, by title (one read, only for duplicates).
				Mono<String> original = (thread.getClosure() != null && thread.getClosure().isDuplicate())
						? this.threads.find(thread.getClosure().duplicateOf()).map(ForumThread::getTitle)
							.onErrorReturn("").defaultIfEmpty("")
						: Mono.just("");
				Mono<Optional<dev.madang.knownissue.ProductIssue>> issue = this.issues.forThread(thread.getId())
					.map(Optional::of).defaultIfEmpty(Optional.empty());
				return Mono.zip(state, this.accounts.authors(authorIds), this.areas.bySlug(), official, original, issue).map((both) -> {
					model.addAttribute("duplicateTitle", both.getT5());
					model.addAttribute("productIssue", both.getT6().orElse(null));
					model.addAttribute("isStaff", user != null && AccessRules.isStaff(user));
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
					model.addAttribute("canAnswer", thread.takesAnswers());
					boolean moderator = user != null && AccessRules.hasRole(user, Role.MODERATOR);
					model.addAttribute("isModerator", moderator);
					model.addAttribute("areaOptions", moderator ? both.getT3().values() : List.of());
					model.addAttribute("closeReasons", dev.madang.thread.Closure.REASONS);
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

}
