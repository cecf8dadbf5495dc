package dev.madang.comment;

import java.time.Clock;
import java.util.Comparator;

import dev.madang.answer.AnswerService;
import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.identity.CurrentUser;
import dev.madang.post.Hold;
import dev.madang.security.AccessRules;
import dev.madang.security.Privilege;
import dev.madang.thread.ForumThread;
import dev.madang.post.PostProblems;
import dev.madang.thread.ThreadService;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Commenting: on your own posts and on answers to your own question always, elsewhere with the comment privilege
 * (50 reputation by default). The thread keeps its comments' ids so a page reads them by id.
 */
@Service
public class CommentService {

	private final ReactiveMongoTemplate mongo;

	private final ThreadService threads;

	private final AnswerService answers;

	private final AccessRules rules;

	private final Clock clock;

	private final Outbox outbox;

	private final dev.madang.post.PostScreening screening;

	CommentService(ReactiveMongoTemplate mongo, ThreadService threads, AnswerService answers, AccessRules rules,
			Clock clock, Outbox outbox, dev.madang.post.PostScreening screening) {
		this.screening = screening;
		this.outbox = outbox;
		this.mongo = mongo;
		this.threads = threads;
		this.answers = answers;
		this.rules = rules;
		this.clock = clock;
	}

	/** Comments on the question or one of its answers; screened first, so a suspicious one is held for review. */
	public Mono<Comment> comment(CurrentUser user, String threadId, NewComment request) {
		return AccessRules.requireMayPost(user).then(this.threads.findOpenForAnswers(threadId))
			.flatMap((thread) -> postAuthor(thread, request.answerId()).flatMap((postAuthorId) -> {
				boolean own = user.id().equals(postAuthorId) || user.id().equals(thread.getAuthorId());
				if (!own && !this.rules.allows(user, Privilege.COMMENT)) {
					return Mono.error(this.rules.tooLittleReputation(user, Privilege.COMMENT, "Commenting on others' posts"));
				}
				return this.screening.screen(user.id(), AccessRules.isStaff(user), "comment", request.body(), null)
					.flatMap((hold) -> store(user, thread, postAuthorId, request, hold.orElse(null)));
			}));
	}

	private Mono<Comment> store(CurrentUser user, ForumThread thread, String postAuthorId, NewComment request,
			Hold hold) {
		String threadId = thread.getId();
		Comment comment = new Comment(null, threadId, blankToNull(request.answerId()), user.id(), user.displayName(),
				request.body().strip(), this.clock.instant(), hold);
		return this.outbox.insert(comment, (id) -> java.util.List.of(DomainEvent.of(EventType.COMMENT_POSTED, id,
				threadId, user.id(), comment.createdAt(), "answerId", comment.answerId(), "postAuthorId", postAuthorId,
				"askerId", thread.getAuthorId(), "held", (hold != null) ? hold.reason() : null, "staff",
				AccessRules.isStaff(user) ? Boolean.TRUE : null)))
			.flatMap((recorded) -> this.threads.recordComment(threadId, recorded.entity().id())
				.then(this.outbox.relay(recorded))
				.thenReturn(recorded.entity()));
	}

	public Mono<Comment> find(String commentId) {
		return this.mongo.findById(commentId, Comment.class).switchIfEmpty(Mono.error(() -> new ProblemException(
				HttpStatus.NOT_FOUND, "comment-not-found", "Comment not found", "No comment with id " + commentId + ".")));
	}

	/** Hides the comment pending review unless it is hidden already; returns whether this call did it. */
	public Mono<Boolean> hide(String commentId, Hold hold) {
		return find(commentId).flatMap((comment) -> mark(comment, Criteria.where("hold").is(null),
				new Update().set("hold", hold), hold.hiddenEvent("comment", commentId, comment.threadId(),
						comment.authorId())));
	}

	/** Shows a hidden comment again; returns whether this call did it. */
	public Mono<Boolean> release(String commentId, String actorId) {
		return find(commentId).flatMap((comment) -> mark(comment, Criteria.where("hold").ne(null),
				new Update().unset("hold"), Hold.releasedEvent("comment", commentId, comment.threadId(),
						comment.authorId(), comment.hold(), actorId, this.clock.instant())));
	}

	private Mono<Boolean> mark(Comment comment, Criteria condition, Update update, DomainEvent event) {
		Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").is(comment.id()), condition));
		return this.mongo.updateFirst(query, Outbox.with(update, event), Comment.class)
			.flatMap((result) -> (result.getModifiedCount() == 0) ? Mono.just(false)
					: this.outbox.relay(Comment.class, comment.id(), event).thenReturn(true));
	}

	/** Moves the comments to another thread (merging questions); harmless to repeat. */
	public Mono<Void> moveAll(java.util.Collection<String> commentIds, String threadId) {
		if (commentIds.isEmpty()) {
			return Mono.empty();
		}
		return this.mongo.updateMulti(Query.query(Criteria.where("_id").in(commentIds)),
				new Update().set("threadId", threadId), Comment.class).then();
	}

	/** Whether {@code viewer} (null: anonymous) sees the comment: hidden ones only its author and moderators. */
	public static boolean visibleTo(Comment comment, CurrentUser viewer) {
		return !comment.isHidden() || (viewer != null && AccessRules.mayModify(viewer, comment.authorId()));
	}

	/** The thread's comments, oldest first. */
	public Flux<Comment> forThread(ForumThread thread) {
		if (thread.getCommentIds().isEmpty()) {
			return Flux.empty();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(thread.getCommentIds())), Comment.class)
			.sort(Comparator.comparing(Comment::createdAt));
	}

	private Mono<String> postAuthor(ForumThread thread, String answerId) {
		if (answerId == null || answerId.isBlank()) {
			return Mono.just(thread.getAuthorId());
		}
		return this.answers.find(answerId).flatMap((answer) -> answer.isDeleted() ? Mono.error(PostProblems.deleted())
				: answer.getThreadId().equals(thread.getId()) ? Mono.just(answer.getAuthorId())
				: Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "answer-not-in-thread",
						"Answer belongs to another thread", "That answer does not belong to this thread.")));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
