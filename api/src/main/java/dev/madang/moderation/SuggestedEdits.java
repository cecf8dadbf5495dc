package dev.madang.moderation;

import java.time.Clock;
import java.util.Map;

import dev.madang.answer.AnswerEdit;
import dev.madang.answer.AnswerService;
import dev.madang.identity.AccountService;
import dev.madang.identity.CurrentUser;
import dev.madang.problem.ProblemException;
import dev.madang.security.AccessRules;
import dev.madang.security.Privilege;
import dev.madang.thread.ForumThread;
import dev.madang.thread.ThreadEdit;
import dev.madang.thread.ThreadService;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Edits suggested by members below the edit privilege: one pending per post, reviewed in the queue; approving one
 * saves it through the post's own edit (so the revision is recorded, against the revision it was written for),
 * rejecting it leaves the post as it is.
 */
@Service
class SuggestedEdits {

	private final ReactiveMongoTemplate mongo;

	private final ThreadService threads;

	private final AnswerService answers;

	private final AccountService accounts;

	private final ReviewQueue queue;

	private final ModeratedPosts posts;

	private final AccessRules rules;

	private final Clock clock;

	SuggestedEdits(ReactiveMongoTemplate mongo, ThreadService threads, AnswerService answers, AccountService accounts,
			ReviewQueue queue, ModeratedPosts posts, AccessRules rules, Clock clock) {
		this.mongo = mongo;
		this.threads = threads;
		this.answers = answers;
		this.accounts = accounts;
		this.queue = queue;
		this.posts = posts;
		this.rules = rules;
		this.clock = clock;
	}

	Mono<SuggestedEdit> forQuestion(CurrentUser member, String threadId, ThreadEdit edit) {
		return this.threads.find(threadId).flatMap((thread) -> allowed(member, thread, thread.getAuthorId())
			.then(Mono.defer(() -> store(member, new SuggestedEdit(null, "question", threadId, threadId, member.id(),
					base(edit.baseRevision(), thread.getRevision()), edit.title().strip(), edit.body(),
					edit.normalizedTags(), edit.area(), edit.summary(), SuggestedEdit.PENDING, this.clock.instant())))));
	}

	Mono<SuggestedEdit> forAnswer(CurrentUser member, String threadId, String answerId, AnswerEdit edit) {
		return Mono.zip(this.threads.find(threadId), this.answers.findIn(threadId, answerId))
			.flatMap((found) -> allowed(member, found.getT1(), found.getT2().getAuthorId())
				.then(Mono.defer(() -> store(member, new SuggestedEdit(null, "answer", answerId, threadId, member.id(),
						base(edit.baseRevision(), found.getT2().getRevision()), null, edit.body(), null, null,
						edit.summary(), SuggestedEdit.PENDING, this.clock.instant())))));
	}

	private Mono<Void> allowed(CurrentUser member, ForumThread thread, String authorId) {
		if (AccessRules.mayModify(member, authorId) || this.rules.allows(member, Privilege.EDIT_OTHERS)) {
			return Mono.error(new ProblemException(HttpStatus.CONFLICT, "edit-directly", "Edit it directly",
					"You may edit this post yourself; suggestions are for members below the edit privilege."));
		}
		return ThreadService.requireEditable(member, thread);
	}

	private Mono<SuggestedEdit> store(CurrentUser member, SuggestedEdit suggestion) {
		return this.queue.openItem(ReviewKind.SUGGESTED_EDIT, suggestion.postId())
			.flatMap((pending) -> Mono.<SuggestedEdit>error(new ProblemException(HttpStatus.CONFLICT, "edit-pending",
					"An edit is waiting", "Another suggested edit of this post is waiting for a moderator.")))
			.switchIfEmpty(Mono.defer(() -> this.mongo.insert(suggestion)
				.flatMap((saved) -> this.posts.find(new PostRef(saved.postType(), saved.postId()))
					.flatMap((post) -> this.queue.open(ReviewKind.SUGGESTED_EDIT, post, Map.of("suggestionId",
							saved.id(), "suggesterId", member.id(), "summary", nullToEmpty(saved.summary()))))
					.thenReturn(saved))));
	}

	/** Saves the suggestion as the post's next revision, edited by the approving moderator in the suggester's name. */
	Mono<Void> apply(CurrentUser moderator, String suggestionId) {
		return find(suggestionId).flatMap((suggestion) -> this.accounts.find(suggestion.suggesterId())
			.flatMap((suggester) -> {
				String summary = "Suggested by " + suggester.getDisplayName()
						+ (blank(suggestion.summary()) ? "" : ": " + suggestion.summary().strip());
				Mono<?> saved = suggestion.postType().equals("question")
						? this.threads.edit(moderator, suggestion.postId(), new ThreadEdit(suggestion.title(),
								suggestion.body(), suggestion.tags(), suggestion.area(), summary, suggestion.baseRevision()))
						: this.answers.edit(moderator, suggestion.threadId(), suggestion.postId(),
								new AnswerEdit(suggestion.body(), summary, suggestion.baseRevision()));
				return saved.then(mark(suggestionId, SuggestedEdit.APPLIED));
			}));
	}

	Mono<Void> reject(String suggestionId) {
		return mark(suggestionId, SuggestedEdit.REJECTED);
	}

	private Mono<Void> mark(String suggestionId, String status) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(suggestionId)),
				new Update().set("status", status), SuggestedEdit.class).then();
	}

	Mono<SuggestedEdit> find(String suggestionId) {
		return this.mongo.findById(suggestionId, SuggestedEdit.class).switchIfEmpty(Mono.error(() -> new ProblemException(
				HttpStatus.NOT_FOUND, "suggestion-not-found", "No such suggestion", "No suggested edit " + suggestionId)));
	}

	private static int base(Integer given, int current) {
		return (given != null) ? given : current;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String nullToEmpty(String value) {
		return (value == null) ? "" : value;
	}

}
