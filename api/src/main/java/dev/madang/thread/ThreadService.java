package dev.madang.thread;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import dev.madang.area.ProductAreas;
import dev.madang.identity.CurrentUser;
import dev.madang.identity.Role;
import dev.madang.markdown.MarkdownRenderer;
import dev.madang.post.Language;
import dev.madang.post.PostEdited;
import dev.madang.post.PostProblems;
import dev.madang.revision.Deletion;
import dev.madang.revision.LastEdit;
import dev.madang.revision.RevisionHistory;
import dev.madang.security.AccessRules;
import dev.madang.tag.TagRegistry;
import dev.madang.web.ProblemException;

import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Starting and reading question threads. */
@Service
public class ThreadService {

	private final ThreadRepository threads;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ReactiveMongoTemplate mongo;

	private final MarkdownRenderer markdown;

	private final RevisionHistory revisions;

	private final AccessRules rules;

	private final TagRegistry tags;

	private final ProductAreas areas;

	ThreadService(ThreadRepository threads, ApplicationEventPublisher events, Clock clock, ReactiveMongoTemplate mongo,
			MarkdownRenderer markdown, RevisionHistory revisions, AccessRules rules, TagRegistry tags,
			ProductAreas areas) {
		this.tags = tags;
		this.areas = areas;
		this.markdown = markdown;
		this.revisions = revisions;
		this.rules = rules;
		this.threads = threads;
		this.events = events;
		this.clock = clock;
		this.mongo = mongo;
	}

	/** Starts a thread; new tags need the create-tag privilege, and the area must be an open one. */
	public Mono<ForumThread> start(CurrentUser author, NewThread request) {
		List<String> tags = request.normalizedTags();
		return this.areas.requireOpen(request.area()).map(Optional::of).defaultIfEmpty(Optional.empty())
			.flatMap((area) -> this.tags.use(author, tags).then(Mono.defer(() -> {
				ForumThread thread = ForumThread.start(author.id(), request.title().strip(), request.body(),
						this.markdown.toSafeHtml(request.body()), tags, area.orElse(null), this.clock.instant());
				return this.threads.insert(thread);
			})))
			.doOnNext((stored) -> this.events.publishEvent(new ThreadChanged(stored.getId())));
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

	/** The threads with these ids (missing ids are skipped). */
	public reactor.core.publisher.Flux<ForumThread> findAll(java.util.Collection<String> ids) {
		return this.threads.findAllById(ids);
	}

	/** The thread as {@code viewer} may see it: a deleted thread only to its author and moderators, else 404. */
	public Mono<ForumThread> findVisible(String id, Mono<CurrentUser> viewer) {
		return find(id).flatMap((thread) -> !thread.isDeleted() ? Mono.just(thread)
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
				return this.revisions.revise(thread.currentRevision(), ForumThread.class,
						Criteria.where("status").ne(ThreadStatus.DELETED), update, ForumThread::currentRevision);
			})))
			.doOnNext((edited) -> {
				this.events.publishEvent(new ThreadChanged(id));
				if (!edited.getArticleIds().isEmpty()) {
					this.events.publishEvent(new PostEdited(id, edited.getRevision(), edited.getArticleIds()));
				}
			});
	}

	private Mono<Void> mayEdit(CurrentUser editor, ForumThread thread) {
		return requireEditable(editor, thread).then(this.rules.mayEdit(editor, thread.getAuthorId()));
	}

	/** Posts in the thread may change: it is not deleted, and when locked only moderators change them. */
	public static Mono<Void> requireEditable(CurrentUser editor, ForumThread thread) {
		if (thread.isDeleted()) {
			return Mono.error(PostProblems.deleted());
		}
		if (thread.getStatus() == ThreadStatus.LOCKED && !AccessRules.hasRole(editor, Role.MODERATOR)) {
			return Mono.error(new ProblemException(HttpStatus.CONFLICT, "thread-locked", "Thread locked",
					"This thread is locked; only moderators change it."));
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
			Update update = changed(now).set("status", ThreadStatus.DELETED)
				.set("statusBeforeDelete", thread.getStatus())
				.set("deletion", new Deletion(deletedBy, now));
			return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(thread.getStatus())),
					update, ForumThread.class);
		}).map((result) -> result.getModifiedCount() > 0).doOnNext((deleted) -> this.events.publishEvent(new ThreadChanged(id)));
	}

	/** Brings a deleted thread back with the status it had. */
	public Mono<ForumThread> restore(String id) {
		return find(id).flatMap((thread) -> {
			if (!thread.isDeleted()) {
				return Mono.just(thread);
			}
			ThreadStatus before = (thread.getStatusBeforeDelete() != null) ? thread.getStatusBeforeDelete()
					: ThreadStatus.OPEN;
			Update update = changed(this.clock.instant()).set("status", before).unset("deletion").unset("statusBeforeDelete");
			return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("status").is(ThreadStatus.DELETED)),
					update, FindAndModifyOptions.options().returnNew(true), ForumThread.class)
				.switchIfEmpty(Mono.defer(() -> find(id)));
		}).doOnNext((restored) -> this.events.publishEvent(new ThreadChanged(id)));
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
	 * own, and harmless to repeat), and tells the indexer.
	 */
	private Mono<Void> change(String threadId, Update change, FollowUp... followUps) {
		Mono<?> steps = this.mongo.updateFirst(Query.query(thread(threadId)), change, ForumThread.class);
		for (FollowUp followUp : followUps) {
			steps = steps.then(this.mongo.updateFirst(Query.query(followUp.when()), followUp.update(), ForumThread.class));
		}
		return steps.doOnSuccess((done) -> this.events.publishEvent(new ThreadChanged(threadId))).then();
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

	/** The thread, if it still takes answers; closed, locked and deleted threads answer 409. */
	public Mono<ForumThread> findOpenForAnswers(String id) {
		return find(id).flatMap((thread) -> thread.getStatus().acceptsAnswers() ? Mono.just(thread)
				: Mono.error(new ProblemException(HttpStatus.CONFLICT, "thread-not-open", "Thread not open",
						"This thread is " + thread.getStatus().name().toLowerCase(Locale.ROOT)
								+ " and takes no new answers.")));
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
	 * Makes {@code answerId} the thread's solution in one atomic update and returns the thread as it was before, so
	 * the caller can take back what the previous acceptance gave. {@code markedBy} is the moderator who marked it, or
	 * null when the asker accepted.
	 */
	public Mono<ForumThread> markSolved(String threadId, String answerId, String markedBy) {
		Instant now = this.clock.instant();
		Update update = changed(now).set("acceptedAnswerId", answerId)
			.set("solutionMarkedBy", markedBy)
			.set("status", ThreadStatus.SOLVED)
			.set("solvedAt", now)
			.set("lastActivityAt", now)
			.inc("acceptSeq", 1);
		Query open = Query.query(Criteria.where("_id").is(threadId)
			.and("status").in(ThreadStatus.OPEN, ThreadStatus.ANSWERED, ThreadStatus.SOLVED));
		return this.mongo.findAndModify(open, update, FindAndModifyOptions.options().returnNew(false), ForumThread.class)
			.switchIfEmpty(Mono.defer(() -> findOpenForAnswers(threadId).then(Mono.empty())))
			.doOnNext((before) -> this.events.publishEvent(new ThreadChanged(threadId)));
	}

	/** Every change that affects search: a new version, marked for indexing in the same update. */
	private static Update changed(Instant at) {
		return new Update().inc("version", 1).set("indexPending", true).set("updatedAt", at);
	}

	/** The thread's body as safe HTML: the rendering stored when it was written, or rendered now for older threads. */
	public String bodyHtml(ForumThread thread) {
		return (thread.getBodyHtml() != null) ? thread.getBodyHtml()
				: this.markdown.render(thread.getBody(), thread.getBodyFormat());
	}

}
