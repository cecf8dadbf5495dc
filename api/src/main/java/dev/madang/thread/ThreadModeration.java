package dev.madang.thread;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import dev.madang.area.ProductAreas;
import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.post.Hold;
import dev.madang.post.PostProblems;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Moderators' marks on a question: close and reopen, lock and unlock, pin, move to another area, hide pending review
 * and release, and the thread's side of a merge. Each is one conditional update of the thread with its event (which
 * carries what it was before, for the audit log), and each has its undoing. Who may do it is the caller's decision.
 */
@Service
public class ThreadModeration {

	private final ThreadService threads;

	private final ReactiveMongoTemplate mongo;

	private final Outbox outbox;

	private final ProductAreas areas;

	private final Clock clock;

	ThreadModeration(ThreadService threads, ReactiveMongoTemplate mongo, Outbox outbox, ProductAreas areas,
			Clock clock) {
		this.threads = threads;
		this.mongo = mongo;
		this.outbox = outbox;
		this.areas = areas;
		this.clock = clock;
	}

	/** Closes the question; a duplicate's target must be another visible question that was not merged away. */
	public Mono<ForumThread> close(String id, String actorId, String reason, String duplicateOf, String note) {
		if (reason == null || !Closure.REASONS.contains(reason)) {
			return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "bad-close-reason", "Unknown close reason",
					"Close with one of " + Closure.REASONS + "."));
		}
		boolean duplicate = "duplicate".equals(reason);
		if (duplicate && (duplicateOf == null || duplicateOf.isBlank())) {
			return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "duplicate-target-missing",
					"Which question does it duplicate?", "Closing as a duplicate needs the question it duplicates."));
		}
		Mono<Void> target = duplicate ? requireTarget(id, duplicateOf.strip()) : Mono.empty();
		return target.then(live(id)).flatMap((thread) -> {
			if (thread.isClosed()) {
				return Mono.error(conflict("thread-already-closed", "Already closed", "This question is closed already."));
			}
			Instant now = this.clock.instant();
			Closure closure = new Closure(reason, duplicate ? duplicateOf.strip() : null, blankToNull(note), actorId, now);
			DomainEvent closed = DomainEvent.of(EventType.QUESTION_CLOSED, id, id, actorId, now, "reason", reason,
					"duplicateOf", closure.duplicateOf(), "note", closure.note(), "authorId", thread.getAuthorId());
			return apply(id, Criteria.where("closure").is(null), new Update().set("closure", closure), closed);
		});
	}

	public Mono<ForumThread> reopen(String id, String actorId) {
		return live(id).flatMap((thread) -> {
			if (!thread.isClosed()) {
				return Mono.error(conflict("thread-not-closed", "Not closed", "This question is not closed."));
			}
			DomainEvent reopened = DomainEvent.of(EventType.QUESTION_REOPENED, id, id, actorId, this.clock.instant(),
					"before", thread.getClosure().reason(), "duplicateOf", thread.getClosure().duplicateOf());
			return apply(id, Criteria.where("closure").ne(null), new Update().unset("closure"), reopened);
		});
	}

	public Mono<ForumThread> lock(String id, String actorId, String reason) {
		return live(id).flatMap((thread) -> {
			if (thread.isLocked()) {
				return Mono.error(conflict("thread-already-locked", "Already locked", "This thread is locked already."));
			}
			Instant now = this.clock.instant();
			DomainEvent locked = DomainEvent.of(EventType.QUESTION_LOCKED, id, id, actorId, now, "reason",
					blankToNull(reason));
			return apply(id, Criteria.where("lock").is(null),
					new Update().set("lock", new Lock(blankToNull(reason), actorId, now)), locked);
		});
	}

	public Mono<ForumThread> unlock(String id, String actorId) {
		return live(id).flatMap((thread) -> {
			if (!thread.isLocked()) {
				return Mono.error(conflict("thread-not-locked", "Not locked", "This thread is not locked."));
			}
			DomainEvent unlocked = DomainEvent.of(EventType.QUESTION_UNLOCKED, id, id, actorId, this.clock.instant(),
					"before", thread.getLock().reason());
			return apply(id, Criteria.where("lock").ne(null), new Update().unset("lock"), unlocked);
		});
	}

	/** Pins the question to the top of its product area (or takes the pin away); doing it twice changes nothing. */
	public Mono<ForumThread> pin(String id, String actorId, boolean pinned) {
		return live(id).flatMap((thread) -> {
			if (thread.isPinned() == pinned) {
				return Mono.just(thread);
			}
			DomainEvent event = DomainEvent.of(pinned ? EventType.QUESTION_PINNED : EventType.QUESTION_UNPINNED, id, id,
					actorId, this.clock.instant(), "area", thread.getProductArea());
			return apply(id, Criteria.where("pinned").ne(pinned), new Update().set("pinned", pinned), event);
		});
	}

	/** Moves the question to another open product area ({@code null} or blank: none). */
	public Mono<ForumThread> move(String id, String actorId, String area) {
		String to = blankToNull(area);
		return live(id).flatMap((thread) -> Objects.equals(thread.getProductArea(), to) ? Mono.just(thread)
				: this.areas.requireOpen(to).then(Mono.defer(() -> {
					DomainEvent moved = DomainEvent.of(EventType.QUESTION_MOVED, id, id, actorId, this.clock.instant(),
							"before", thread.getProductArea(), "after", to);
					Criteria unchanged = (thread.getProductArea() == null) ? Criteria.where("productArea").is(null)
							: Criteria.where("productArea").is(thread.getProductArea());
					return apply(id, unchanged, new Update().set("productArea", to), moved);
				})));
	}

	/** Hides the question pending review unless it is hidden already; returns whether this call hid it. */
	public Mono<Boolean> hide(String id, Hold hold) {
		return this.threads.find(id).flatMap((thread) -> {
			if (thread.isHidden() || thread.isDeleted()) {
				return Mono.just(false);
			}
			DomainEvent hidden = hold.hiddenEvent("question", id, id, thread.getAuthorId());
			return apply(id, Criteria.where("hold").is(null), new Update().set("hold", hold), hidden)
				.thenReturn(true)
				.onErrorResume(ProblemException.class, (raced) -> Mono.just(false));
		});
	}

	/** Shows a hidden question again; returns whether this call did it. */
	public Mono<Boolean> release(String id, String actorId) {
		return this.threads.find(id).flatMap((thread) -> {
			if (!thread.isHidden()) {
				return Mono.just(false);
			}
			DomainEvent released = Hold.releasedEvent("question", id, id, thread.getAuthorId(), thread.getHold(), actorId,
					this.clock.instant());
			return apply(id, Criteria.where("hold").ne(null), new Update().unset("hold"), released)
				.thenReturn(true)
				.onErrorResume(ProblemException.class, (raced) -> Mono.just(false));
		});
	}

	/**
	 * The source's side of merging it into {@code targetId}: marks it merged, remembering which answers and comments
	 * go, in one update with its event. Repeating it for the same target (to finish a merge cut short) returns the
	 * source as marked.
	 */
	public Mono<ForumThread> markMerged(String sourceId, String targetId, String actorId) {
		if (sourceId.equals(targetId)) {
			return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "merge-into-itself",
					"Cannot merge into itself", "Choose another question to merge this one into."));
		}
		return requireTarget(sourceId, targetId).then(this.threads.find(sourceId)).flatMap((source) -> {
			if (targetId.equals(source.getMergedInto())) {
				return Mono.just(source);
			}
			if (source.getMergedInto() != null) {
				return Mono.error(conflict("thread-merged", "Merged already",
						"This question was merged into question " + source.getMergedInto() + " already."));
			}
			if (source.isDeleted()) {
				return Mono.error(PostProblems.deleted());
			}
			DomainEvent merged = DomainEvent.of(EventType.QUESTION_MERGED, sourceId, sourceId, actorId,
					this.clock.instant(), "target", targetId, "answerIds", source.getAnswerIds(), "commentIds",
					source.getCommentIds());
			Update update = new Update().set("mergedInto", targetId)
				.set("mergedAnswerIds", source.getAnswerIds())
				.set("mergedCommentIds", source.getCommentIds());
			return apply(sourceId, Criteria.where("mergedInto").is(null), update, merged);
		});
	}

	/**
	 * The target's side of a merge: takes the source's answers and comments ({@code visibleAnswers} of them count),
	 * once per source, however often it is repeated.
	 */
	public Mono<Void> absorb(String targetId, ForumThread source, long visibleAnswers) {
		Instant now = this.clock.instant();
		Update update = ThreadService.changed(now).addToSet("mergedFrom", source.getId())
			.addToSet("answerIds").each(source.getMergedAnswerIds().toArray())
			.addToSet("commentIds").each(source.getMergedCommentIds().toArray())
			.inc("answerCount", (int) visibleAnswers)
			.set("lastActivityAt", now);
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(targetId).and("mergedFrom").ne(source.getId())),
				update, ForumThread.class)
			.then(answeredIfOpen(targetId));
	}

	/** Undoes {@link #absorb}: the target gives back the source's answers and comments, once. */
	public Mono<Void> giveBack(String targetId, ForumThread source, long visibleAnswers) {
		Update update = ThreadService.changed(this.clock.instant()).pull("mergedFrom", source.getId())
			.pullAll("answerIds", source.getMergedAnswerIds().toArray())
			.pullAll("commentIds", source.getMergedCommentIds().toArray())
			.inc("answerCount", (int) -visibleAnswers);
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(targetId).and("mergedFrom").is(source.getId())),
				update, ForumThread.class).then();
	}

	/** Undoes {@link #markMerged}: the source is a question of its own again. */
	public Mono<ForumThread> markUnmerged(String sourceId, String actorId) {
		return this.threads.find(sourceId).flatMap((source) -> {
			if (source.getMergedInto() == null) {
				return Mono.error(conflict("thread-not-merged", "Not merged", "This question is not merged."));
			}
			DomainEvent unmerged = DomainEvent.of(EventType.QUESTION_UNMERGED, sourceId, sourceId, actorId,
					this.clock.instant(), "before", source.getMergedInto(), "answerIds", source.getMergedAnswerIds());
			return apply(sourceId, Criteria.where("mergedInto").is(source.getMergedInto()),
					new Update().unset("mergedInto").unset("mergedAnswerIds").unset("mergedCommentIds"), unmerged);
		});
	}

	private Mono<Void> answeredIfOpen(String threadId) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(threadId).and("status").is(ThreadStatus.OPEN)
			.and("answerCount").gt(0)), new Update().set("status", ThreadStatus.ANSWERED), ForumThread.class).then();
	}

	/** A question another one may point to: exists, is not this one, not deleted, not merged away. */
	private Mono<Void> requireTarget(String id, String targetId) {
		if (id.equals(targetId)) {
			return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "duplicate-of-itself",
					"Points to itself", "A question cannot duplicate or be merged into itself."));
		}
		return this.threads.find(targetId)
			.onErrorMap(ThreadNotFoundException.class, (missing) -> new ProblemException(HttpStatus.BAD_REQUEST,
					"target-not-found", "No such question", "There is no question " + targetId + "."))
			.flatMap((target) -> {
				if (target.isDeleted()) {
					return Mono.error(new ProblemException(HttpStatus.CONFLICT, "target-deleted", "Target deleted",
							"Question " + targetId + " is deleted; choose a visible one."));
				}
				if (target.getMergedInto() != null) {
					return Mono.error(new ProblemException(HttpStatus.CONFLICT, "target-merged", "Target merged",
							"Question " + targetId + " was merged into " + target.getMergedInto() + "; use that one."));
				}
				return Mono.empty();
			});
	}

	/** The thread, unless it is deleted or merged away (those take no further marks). */
	private Mono<ForumThread> live(String id) {
		return this.threads.find(id).flatMap((thread) -> {
			if (thread.isDeleted()) {
				return Mono.error(PostProblems.deleted());
			}
			if (thread.getMergedInto() != null) {
				return Mono.error(conflict("thread-merged", "Merged", "This question was merged into question "
						+ thread.getMergedInto() + "."));
			}
			return Mono.just(thread);
		});
	}

	/** Applies the update with its event if the condition still holds; else 409 (another moderator came first). */
	private Mono<ForumThread> apply(String id, Criteria condition, Update update, DomainEvent event) {
		// Every mark changes what readers and search see: a new version, marked for indexing.
		Update change = update.inc("version", 1).set("indexPending", true).set("updatedAt", event.at());
		Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), condition));
		return this.mongo.findAndModify(query, Outbox.with(change, event), FindAndModifyOptions.options().returnNew(true),
				ForumThread.class)
			.flatMap((saved) -> this.outbox.relay(ForumThread.class, id, event).thenReturn(saved))
			.switchIfEmpty(Mono.error(() -> conflict("thread-changed", "Changed meanwhile",
					"Someone changed this question at the same moment; reload and try again.")));
	}

	private static ProblemException conflict(String slug, String title, String detail) {
		return new ProblemException(HttpStatus.CONFLICT, slug, title, detail);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
