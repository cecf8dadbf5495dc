package dev.madang.thread;

import dev.madang.post.PostScore;
import dev.madang.post.PostScores;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import dev.madang.area.ProductAreas;
import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.identity.CurrentUser;
import dev.madang.identity.Role;
import dev.madang.markdown.MarkdownRenderer;
import dev.madang.post.Language;
import dev.madang.post.PostProblems;
import dev.madang.post.Hold;
import dev.madang.post.PostScreening;
import dev.madang.revision.Deletion;
import dev.madang.revision.LastEdit;
import dev.madang.revision.RevisionHistory;
import dev.madang.security.AccessRules;
import dev.madang.tag.TagRegistry;
import dev.madang.problem.ProblemException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Starting and reading question threads. */
@Service
public class ThreadService {

	private final ThreadRepository threads;

	private final Outbox outbox;

	private final Clock clock;

	private final ReactiveMongoTemplate mongo;

	private final MarkdownRenderer markdown;

	private final RevisionHistory revisions;

	private final AccessRules rules;

	private final TagRegistry tags;

	private final ProductAreas areas;

	private final PostScreening screening;

	ThreadService(ThreadRepository threads, Outbox outbox, Clock clock, ReactiveMongoTemplate mongo,
			MarkdownRenderer markdown, RevisionHistory revisions, AccessRules rules, TagRegistry tags,
			ProductAreas areas, PostScreening screening) {
		this.screening = screening;
		this.tags = tags;
		this.areas = areas;
		this.markdown = markdown;
		this.revisions = revisions;
		this.rules = rules;
		this.threads = threads;
		this.outbox = outbox;
		this.clock = clock;
		this.mongo = mongo;
	}

	/** Starts a thread; new tags need the create-tag privilege, and the area must be an open one. */
	public Mono<ForumThread> start(CurrentUser author, NewThread request) {
		return start(author, request, null);
	}

	/**
	 * Starts a thread, screened first ({@code composeTime}: how long the ask form was open, null when unknown): a
	 * suspicious one is stored held for review, hidden until a moderator approves it.
	 */
	public Mono<ForumThread> start(CurrentUser author, NewThread request, java.time.Duration composeTime) {
		List<String> tags = request.normalizedTags();
		Mono<Optional<Hold>> screened = this.screening.screen(author.id(), AccessRules.isStaff(author), "question",
				request.title() + "\n" + request.body(), composeTime);
		return AccessRules.requireMayPost(author).then(this.areas.requireOpen(request.area()))
			.map(Optional::of).defaultIfEmpty(Optional.empty())
			.flatMap((area) -> this.tags.use(author, tags).then(screened).flatMap((hold) -> {
				Instant now = this.clock.instant();
				ForumThread thread = ForumThread.start(author.id(), request.title().strip(), request.body(),
						this.markdown.toSafeHtml(request.body()), tags, area.orElse(null), now, hold.orElse(null));
				return this.outbox.insertAndRelay(thread, (id) -> List.of(DomainEvent.of(EventType.QUESTION_ASKED, id, id,
						author.id(), now, "title", thread.getTitle(), "tags", tags, "area", area.orElse(null),
						"language", thread.getLanguage(), "held", hold.map(Hold::reason).orElse(null))));
			}));
	}

	public Mono<ForumThread> find(String id) {
		return this.threads.findById(id).switchIfEmpty(Mono.error(() -> new ThreadNotFoundException(id)));
	}

	/**
	 * Links a knowledge-base article made from the thread. Not a new version: the search document does not change.
	 */
	public Mono<Void> linkArticle(String threadId, String articleId) {
		return this.mongo.updateFirst(Query.query(thread(threadId)), new Update().addToSet("articleIds", articleId),
				ForumThread.class).then();
	}

	/** Lists a comment on the thread, so its page reads comments by id. Not a new version: search does not show them. */
	public Mono<Void> recordComment(String threadId, String commentId) {
		return this.mongo.updateFirst(Query.query(thread(threadId)), new Update().addToSet("commentIds", commentId),
				ForumThread.class).then();
	}

	/**
	 * One member more or fewer has the problem too ({@code delta} ±1), recorded with its event; returns the thread
	 * after the change.
	 */
	public Mono<ForumThread> countMeToo(String threadId, String userId, int delta) {
		DomainEvent event = DomainEvent.of(EventType.ME_TOO, threadId, threadId, userId, this.clock.instant(),
				"following", delta > 0);
		return this.mongo.updateFirst(Query.query(thread(threadId)),
				Outbox.with(new Update().inc("followCount", delta), event), ForumThread.class)
			.then(this.outbox.relay(ForumThread.class, threadId, event))
			.then(find(threadId));
	}

	/** Every question's score and imported score (for the reconciler). */
	public Flux<PostScore> scores() {
		return PostScores.all(this.mongo, ForumThread.class);
	}

	/** Sets the score outright: only the reconciler, after recomputing it from the votes. */
	public Mono<Void> setScore(String id, int score) {
		return PostScores.set(this.mongo, ForumThread.class, id, score);
	}

	/** The solved threads (for the reconciler: acceptance earns reputation). */
	public Flux<ForumThread> solved() {
		return this.mongo.find(Query.query(Criteria.where("acceptedAnswerId").ne(null)), ForumThread.class);
	}

	/** Every tag on a question, once each. */
	public Flux<String> tagsInUse() {
		return this.mongo.aggregate(Aggregation.newAggregation(Aggregation.unwind("tags"), Aggregation.group("tags")),
				ForumThread.class, org.bson.Document.class)
			.map((group) -> group.getString("_id"));
	}

	/** The visible threads with the latest activity, title and activity time only (for the sitemap). */
	public Flux<ForumThread> latestActivity(int limit) {
		Query query = Query.query(ThreadLists.visible())
			.with(Sort.by(Sort.Direction.DESC, "lastActivityAt"))
			.limit(limit);
		query.fields().include("title").include("lastActivityAt");
		return this.mongo.find(query, ForumThread.class);
	}

	/** Solved threads imported under keys matching {@code importKeyPattern}, highest score first. */
	public Flux<ForumThread> bestSolvedImported(String importKeyPattern, int limit) {
		return this.mongo.find(Query.query(Criteria.where("importKey").regex(importKeyPattern)
			.and("acceptedAnswerId").ne(null)).with(Sort.by(Sort.Direction.DESC, "score")).limit(limit),
				ForumThread.class);
	}

	/** The threads with these ids (missing ids are skipped). */
	public Flux<ForumThread> findAll(java.util.Collection<String> ids) {
		return this.threads.findAllById(ids);
	}

	/**
	 * The thread as {@code viewer} may see it: a deleted or hidden thread only to its author and moderators, else
	 * 404. A merged thread is found (its page redirects to where it went).
	 */
	public Mono<ForumThread> findVisible(String id, Mono<CurrentUser> viewer) {
		return find(id).flatMap((thread) -> (!thread.isDeleted() && !thread.isHidden()) ? Mono.just(thread)
				: viewer.filter((user) -> AccessRules.mayModify(user, thread.getAuthorId()))
					.map((user) -> thread)
					.switchIfEmpty(Mono.error(() -> new ThreadNotFoundException(id))));
	}

	/**
	 * Saves a new version of the question: by its author, a moderator, or a member with the edit privilege; never a
	 * deleted one; a locked one only by moderators. The replaced version stays in the revision history.
	 */
	public Mono<ForumThread> edit(CurrentUser editor, String id, ThreadEdit edit) {
		List<String> tags = edit.normalizedTags();
		return find(id).flatMap((thread) -> mayEdit(editor, thread)
			.then(RevisionHistory.requireBase(edit.baseRevision(), thread.getRevision()))
			.then(Objects.equals(edit.area(), thread.getProductArea()) ? Mono.empty()
					: this.areas.requireOpen(edit.area()))
			.then(this.tags.use(editor, tags))
			.then(Mono.defer(() -> {
				Instant now = this.clock.instant();
				Update update = changed(now).set("title", edit.title().strip())
					.set("language", Language.of(edit.title()))
					.set("body", edit.body())
					.set("bodyHtml", this.markdown.toSafeHtml(edit.body()))
					.set("bodyFormat", "markdown")
					.set("tags", tags)
					.set("productArea", (edit.area() == null || edit.area().isBlank()) ? null : edit.area())
					.set("lastEdit", new LastEdit(editor.id(), now, summary(edit.summary())))
					.set("lastActivityAt", now);
				DomainEvent edited = DomainEvent.of(EventType.QUESTION_EDITED, id, id, editor.id(), now, "revision",
						thread.getRevision() + 1, "title", edit.title().strip(), "tags", tags, "area",
						(edit.area() == null || edit.area().isBlank()) ? null : edit.area(), "articleIds", thread.getArticleIds().isEmpty() ? null
								: thread.getArticleIds());
				return this.revisions.revise(thread.currentRevision(), ForumThread.class,
						Criteria.where("status").ne(ThreadStatus.DELETED), Outbox.with(update, edited),
						ForumThread::currentRevision)
					.flatMap((saved) -> this.outbox.relay(ForumThread.class, id, edited).thenReturn(saved));
			})));
	}

	private Mono<Void> mayEdit(CurrentUser editor, ForumThread thread) {
		return requireEditable(editor, thread).then(this.rules.mayEdit(editor, thread.getAuthorId()));
	}

	/** Posts in the thread may change: it is not deleted, and when locked only moderators change them. */
	public static Mono<Void> requireEditable(CurrentUser editor, ForumThread thread) {
		if (thread.isDeleted()) {
			return Mono.error(PostProblems.deleted());
		}
		if (thread.isLocked() && !AccessRules.hasRole(editor, Role.MODERATOR)) {
			return Mono.error(locked());
		}
		return Mono.empty();
	}

	/**
	 * Hides the thread (status deleted, the status before kept for undeleting), unless it is deleted already.
	 * Returns whether this call deleted it. Who may delete is decided by the caller.
	 */
	public Mono<Boolean> markDeleted(String id, String deletedBy) {
		return find(id).flatMap((thread) -> {
			Instant now = this.clock.instant();
			DomainEvent deleted = DomainEvent.of(EventType.QUESTION_DELETED, id, id, deletedBy, now);
			Update update = changed(now).set("status", ThreadStatus.DELETED)
				.set("statusBeforeDelete", thread.getStatus())
				.set("deletion", new Deletion(deletedBy, now));
			return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(thread.getStatus())),
					Outbox.with(update, deleted), ForumThread.class)
				.flatMap((result) -> (result.getModifiedCount() > 0)
						? this.outbox.relay(ForumThread.class, id, deleted).thenReturn(true) : Mono.just(false));
		});
	}

	/** Brings a deleted thread back with the status it had. */
	public Mono<ForumThread> restore(String id, String restoredBy) {
		return find(id).flatMap((thread) -> {
			if (!thread.isDeleted()) {
				return Mono.just(thread);
			}
			ThreadStatus before = (thread.getStatusBeforeDelete() != null) ? thread.getStatusBeforeDelete()
					: ThreadStatus.OPEN;
			Instant now = this.clock.instant();
			DomainEvent restored = DomainEvent.of(EventType.QUESTION_UNDELETED, id, id, restoredBy, now);
			Update update = changed(now).set("status", before).unset("deletion").unset("statusBeforeDelete");
			return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("status").is(ThreadStatus.DELETED)),
					Outbox.with(update, restored), FindAndModifyOptions.options().returnNew(true), ForumThread.class)
				.flatMap((saved) -> this.outbox.relay(ForumThread.class, id, restored).thenReturn(saved))
				.switchIfEmpty(Mono.defer(() -> find(id)));
		});
	}

	/** An answer's text changed: the thread's search document must be rebuilt. */
	public Mono<Void> answerEdited(String threadId) {
		return change(threadId, changed(this.clock.instant()));
	}

	/** One answer fewer (deleted): an answered thread left without answers is open again. */
	public Mono<Void> answerRemoved(String threadId) {
		return change(threadId, changed(this.clock.instant()).inc("answerCount", -1),
				new FollowUp(thread(threadId).and("answerCount").lte(0).and("status").is(ThreadStatus.ANSWERED),
						new Update().set("status", ThreadStatus.OPEN)));
	}

	/** An answer counts again (undeleted). */
	public Mono<Void> answerRestored(String threadId) {
		return change(threadId, changed(this.clock.instant()).inc("answerCount", 1), answeredIfOpen(threadId));
	}

	/**
	 * Applies {@code change} to the thread, then each follow-up whose condition still holds (each one atomic on its
	 * own, and harmless to repeat). These follow a change recorded with its event by another post (an answer, a
	 * vote), whose relay comes after them, so the indexer hears of it once the thread shows it.
	 */
	private Mono<Void> change(String threadId, Update change, FollowUp... followUps) {
		Mono<?> steps = this.mongo.updateFirst(Query.query(thread(threadId)), change, ForumThread.class);
		for (FollowUp followUp : followUps) {
			steps = steps.then(this.mongo.updateFirst(Query.query(followUp.when()), followUp.update(), ForumThread.class));
		}
		return steps.then();
	}

	private static Criteria thread(String threadId) {
		return Criteria.where("_id").is(threadId);
	}

	private static FollowUp answeredIfOpen(String threadId) {
		return new FollowUp(thread(threadId).and("status").is(ThreadStatus.OPEN),
				new Update().set("status", ThreadStatus.ANSWERED));
	}

	/** A further update made only when its condition holds. */
	private record FollowUp(Criteria when, Update update) {
	}

	private static String summary(String summary) {
		return (summary == null) ? "" : summary.strip();
	}

	/**
	 * The thread, if it still takes answers and comments; a closed, locked, merged or deleted thread answers 409
	 * saying which, so the page can tell the reader why.
	 */
	public Mono<ForumThread> findOpenForAnswers(String id) {
		return find(id).flatMap((thread) -> {
			ProblemException refusal = refusalOfNewPosts(thread);
			return (refusal == null) ? Mono.just(thread) : Mono.error(refusal);
		});
	}

	/** Why the thread takes no new answers, comments or votes, or null when it does. */
	public static ProblemException refusalOfNewPosts(ForumThread thread) {
		if (thread.isDeleted()) {
			return PostProblems.deleted();
		}
		if (thread.getMergedInto() != null) {
			return new ProblemException(HttpStatus.CONFLICT, "thread-merged", "Thread merged",
					"This question was merged into question " + thread.getMergedInto() + "; answer there.")
				.with("mergedInto", thread.getMergedInto());
		}
		if (thread.isLocked()) {
			return locked();
		}
		if (thread.isClosed()) {
			return new ProblemException(HttpStatus.CONFLICT, "thread-closed", "Thread closed",
					"This question is closed (" + thread.getClosure().reason() + ") and takes no new answers.")
				.with("reason", thread.getClosure().reason());
		}
		return null;
	}

	/** 409 while a moderator's lock is on the thread (no votes, answers or comments). */
	public static Mono<Void> requireUnlocked(ForumThread thread) {
		return thread.isLocked() ? Mono.error(locked()) : Mono.empty();
	}

	private static ProblemException locked() {
		return new ProblemException(HttpStatus.CONFLICT, "thread-locked", "Thread locked",
				"A moderator locked this thread: no new answers, comments or votes.");
	}

	/** Counts a new answer: one more answer, first-answer time, open becomes answered; search must refresh. */
	public Mono<Void> recordAnswer(String threadId, String answerId, Instant at) {
		return change(threadId,
				changed(at).inc("answerCount", 1).addToSet("answerIds", answerId).set("lastActivityAt", at),
				new FollowUp(thread(threadId).and("firstAnswerAt").is(null), new Update().set("firstAnswerAt", at)),
				answeredIfOpen(threadId));
	}

	/** Adds a vote's effect to the question's score. */
	public Mono<Void> adjustScore(String threadId, int delta) {
		return change(threadId, changed(this.clock.instant()).inc("score", delta));
	}

	/**
	 * Makes {@code answerId} the thread's solution in one atomic update, if its solution is still the one
	 * {@code seen} had, and returns the thread as it was before, so the caller can take back what the previous
	 * acceptance gave (empty when a concurrent choice came first). {@code markedBy} is the moderator who marked it, or
	 * null when the asker accepted.
	 */
	public Mono<ForumThread> markSolved(ForumThread seen, String answerId, String answerAuthorId, String markedBy) {
		String threadId = seen.getId();
		String replaced = seen.getAcceptedAnswerId();
		Instant now = this.clock.instant();
		String actor = (markedBy != null) ? markedBy : seen.getAuthorId();
		List<DomainEvent> recorded = new java.util.ArrayList<>();
		if (replaced != null) {
			recorded.add(DomainEvent.of(EventType.ANSWER_UNACCEPTED, replaced, threadId, actor, now, "answerId", replaced));
		}
		recorded.add(DomainEvent.of((markedBy != null) ? EventType.SOLUTION_MARKED : EventType.ANSWER_ACCEPTED,
				answerId, threadId, actor, now, "answerId", answerId, "answerAuthorId", answerAuthorId, "replaced",
				replaced));
		DomainEvent[] events = recorded.toArray(DomainEvent[]::new);
		Update update = changed(now).set("acceptedAnswerId", answerId)
			.set("solutionMarkedBy", markedBy)
			.set("status", ThreadStatus.SOLVED)
			.set("solvedAt", now)
			.set("lastActivityAt", now)
			.inc("acceptSeq", 1);
		Query open = Query.query(Criteria.where("_id").is(threadId)
			.and("status").in(ThreadStatus.OPEN, ThreadStatus.ANSWERED, ThreadStatus.SOLVED)
			.and("acceptedAnswerId").is(replaced));
		return this.mongo.findAndModify(open, Outbox.with(update, events), FindAndModifyOptions.options().returnNew(false),
				ForumThread.class)
			.flatMap((before) -> this.outbox.relay(ForumThread.class, threadId, events).thenReturn(before))
			.switchIfEmpty(Mono.defer(() -> findOpenForAnswers(threadId).then(Mono.empty())));
	}

	/** Every change that affects search: a new version, marked for indexing in the same update. */
	static Update changed(Instant at) {
		return new Update().inc("version", 1).set("indexPending", true).set("updatedAt", at);
	}

	/** The thread's body as safe HTML: the rendering stored when it was written, or rendered now for older threads. */
	public String bodyHtml(ForumThread thread) {
		return (thread.getBodyHtml() != null) ? thread.getBodyHtml()
				: this.markdown.render(thread.getBody(), thread.getBodyFormat());
	}

}
