package dev.madang.answer;

import dev.madang.post.PostScore;
import dev.madang.post.PostScores;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.identity.CurrentUser;
import dev.madang.markdown.MarkdownRenderer;
import dev.madang.post.Hold;
import dev.madang.revision.Deletion;
import dev.madang.revision.LastEdit;
import dev.madang.revision.RevisionHistory;
import dev.madang.security.AccessRules;
import dev.madang.thread.ForumThread;
import dev.madang.post.PostProblems;
import dev.madang.thread.ThreadService;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Posting and reading answers. */
@Service
public class AnswerService {

	private final AnswerRepository answers;

	private final ThreadService threads;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final MarkdownRenderer markdown;

	private final RevisionHistory revisions;

	private final AccessRules rules;

	private final Outbox outbox;

	private final dev.madang.post.PostScreening screening;

	AnswerService(AnswerRepository answers, ThreadService threads, ReactiveMongoTemplate mongo, Clock clock,
			MarkdownRenderer markdown, RevisionHistory revisions, AccessRules rules, Outbox outbox,
			dev.madang.post.PostScreening screening) {
		this.screening = screening;
		this.outbox = outbox;
		this.markdown = markdown;
		this.revisions = revisions;
		this.rules = rules;
		this.answers = answers;
		this.threads = threads;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Posts an answer in a thread that takes them; not while the author is suspended or silenced. */
	public Mono<Answer> post(CurrentUser author, String threadId, NewAnswer request) {
		return AccessRules.requireMayPost(author).then(this.threads.findOpenForAnswers(threadId))
			.flatMap((thread) -> this.screening.screen(author.id(), AccessRules.isStaff(author), "answer", request.body(),
					null)
				.flatMap((hold) -> store(author, thread, request, hold.orElse(null))));
	}

	private Mono<Answer> store(CurrentUser author, ForumThread thread, NewAnswer request, Hold hold) {
		String threadId = thread.getId();
		String authorId = author.id();
		Instant now = this.clock.instant();
		Answer answer = Answer.post(threadId, authorId, request.body(), this.markdown.toSafeHtml(request.body()), now,
				hold);
		return this.outbox.insert(answer, (id) -> java.util.List.of(DomainEvent.of(EventType.ANSWER_POSTED, id, threadId,
				authorId, now, "askerId", thread.getAuthorId(), "held", (hold != null) ? hold.reason() : null, "staff",
				AccessRules.isStaff(author) ? Boolean.TRUE : null)))
			.flatMap((recorded) -> this.threads.recordAnswer(threadId, recorded.entity().getId(), now)
				.then(this.outbox.relay(recorded))
				.thenReturn(recorded.entity()));
	}

	/** The answers with these ids (missing ids are skipped). */
	public Flux<Answer> findAll(java.util.Collection<String> ids) {
		return this.answers.findAllById(ids);
	}

	public Mono<Answer> find(String answerId) {
		return this.answers.findById(answerId).switchIfEmpty(Mono.error(() -> notFound(answerId, ".")));
	}

	/**
	 * Saves a new version of the answer: by its author, a moderator, or a member with the edit privilege; not while
	 * the answer or its thread is deleted, and in a locked thread only by moderators.
	 */
	public Mono<Answer> edit(CurrentUser editor, String threadId, String answerId, AnswerEdit edit) {
		return Mono.zip(this.threads.find(threadId), findIn(threadId, answerId)).flatMap((found) -> {
			ForumThread thread = found.getT1();
			Answer answer = found.getT2();
			if (answer.isDeleted()) {
				return Mono.error(PostProblems.deleted());
			}
			Instant now = this.clock.instant();
			Update update = new Update().set("body", edit.body())
				.set("bodyHtml", this.markdown.toSafeHtml(edit.body()))
				.set("bodyFormat", "markdown")
				.set("lastEdit", new LastEdit(editor.id(), now, (edit.summary() == null) ? "" : edit.summary().strip()))
				.set("updatedAt", now);
			DomainEvent edited = DomainEvent.of(EventType.ANSWER_EDITED, answerId, threadId, editor.id(), now,
					"revision", answer.getRevision() + 1, "articleIds",
					thread.getArticleIds().isEmpty() ? null : thread.getArticleIds());
			return ThreadService.requireEditable(editor, thread)
				.then(this.rules.mayEdit(editor, answer.getAuthorId()))
				.then(RevisionHistory.requireBase(edit.baseRevision(), answer.getRevision()))
				.then(Mono.defer(() -> this.revisions.revise(answer.currentRevision(), Answer.class,
						Criteria.where("deletion").is(null), Outbox.with(update, edited), Answer::currentRevision)))
				.flatMap((saved) -> this.threads.answerEdited(threadId)
					.then(this.outbox.relay(Answer.class, answerId, edited))
					.thenReturn(saved));
		});
	}

	/** The answer, if it belongs to the thread; else 404. */
	public Mono<Answer> findIn(String threadId, String answerId) {
		return find(answerId).filter((answer) -> answer.getThreadId().equals(threadId))
			.switchIfEmpty(Mono.error(() -> notFound(answerId, " in this thread.")));
	}

	/** The answer, if it belongs to the thread and {@code viewer} (empty for anonymous) may see it; else 404. */
	public Mono<Answer> findVisibleIn(String threadId, String answerId, Mono<CurrentUser> viewer) {
		return findIn(threadId, answerId)
			.filterWhen((answer) -> viewer.map((user) -> visibleTo(answer, user)).defaultIfEmpty(visibleTo(answer, null)))
			.switchIfEmpty(Mono.error(() -> notFound(answerId, " in this thread.")));
	}

	private static ProblemException notFound(String answerId, String where) {
		return new ProblemException(HttpStatus.NOT_FOUND, "answer-not-found", "Answer not found",
				"No answer with id " + answerId + where);
	}

	/**
	 * Hides the answer unless it is hidden already, and counts it out of its thread; returns whether this call did it.
	 * Who may delete is decided by the caller.
	 */
	public Mono<Boolean> markDeleted(Answer answer, String deletedBy) {
		Instant now = this.clock.instant();
		DomainEvent deleted = DomainEvent.of(EventType.ANSWER_DELETED, answer.getId(), answer.getThreadId(), deletedBy,
				now);
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(answer.getId()).and("deletion").is(null)),
				Outbox.with(new Update().set("deletion", new Deletion(deletedBy, now)), deleted), Answer.class)
			.flatMap((result) -> (result.getModifiedCount() == 0) ? Mono.just(false)
					: this.threads.answerRemoved(answer.getThreadId())
						.then(this.outbox.relay(Answer.class, answer.getId(), deleted))
						.thenReturn(true));
	}

	/** Shows a deleted answer again and counts it in its thread; returns whether this call did it. */
	public Mono<Boolean> restore(Answer answer, String restoredBy) {
		DomainEvent restored = DomainEvent.of(EventType.ANSWER_UNDELETED, answer.getId(), answer.getThreadId(),
				restoredBy, this.clock.instant());
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(answer.getId()).and("deletion").ne(null)),
				Outbox.with(new Update().unset("deletion"), restored), FindAndModifyOptions.options().returnNew(true),
				Answer.class)
			.flatMap((saved) -> this.threads.answerRestored(answer.getThreadId())
				.then(this.outbox.relay(Answer.class, answer.getId(), restored))
				.thenReturn(true))
			.defaultIfEmpty(false);
	}

	/** Hides the answer pending review unless it is hidden or deleted already; returns whether this call did it. */
	public Mono<Boolean> hide(String answerId, Hold hold) {
		return find(answerId).flatMap((answer) -> {
			DomainEvent hidden = hold.hiddenEvent("answer", answerId, answer.getThreadId(), answer.getAuthorId());
			return mark(answer, Criteria.where("hold").is(null).and("deletion").is(null),
					new Update().set("hold", hold), hidden);
		});
	}

	/** Shows a hidden answer again; returns whether this call did it. */
	public Mono<Boolean> release(String answerId, String actorId) {
		return find(answerId).flatMap((answer) -> {
			DomainEvent released = Hold.releasedEvent("answer", answerId, answer.getThreadId(), answer.getAuthorId(),
					answer.getHold(), actorId, this.clock.instant());
			return mark(answer, Criteria.where("hold").ne(null), new Update().unset("hold"), released);
		});
	}

	/** One conditional change of the answer with its event; the thread's search document is rebuilt after it. */
	private Mono<Boolean> mark(Answer answer, Criteria condition, Update update, DomainEvent event) {
		Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").is(answer.getId()), condition));
		return this.mongo.updateFirst(query, Outbox.with(update, event), Answer.class)
			.flatMap((result) -> (result.getModifiedCount() == 0) ? Mono.just(false)
					: this.threads.answerEdited(answer.getThreadId())
						.then(this.outbox.relay(Answer.class, answer.getId(), event))
						.thenReturn(true));
	}

	/**
	 * Moves the answers to another thread (merging questions; their votes and reputation stay with them, being
	 * keyed by answer). Harmless to repeat. Returns how many of them count as answers there (not deleted).
	 */
	public Mono<Long> moveAll(java.util.Collection<String> answerIds, String threadId) {
		if (answerIds.isEmpty()) {
			return Mono.just(0L);
		}
		Query moved = Query.query(Criteria.where("_id").in(answerIds));
		return this.mongo.updateMulti(moved, new Update().set("threadId", threadId), Answer.class)
			.then(this.answers.findAllById(answerIds).filter((answer) -> !answer.isDeleted()).count());
	}

	/** The thread's answers as readers see them: the solution first, then by score, then oldest first. */
	public Flux<Answer> forThread(ForumThread thread) {
		Comparator<Answer> order = Comparator
			.comparing((Answer answer) -> !answer.getId().equals(thread.getAcceptedAnswerId()))
			.thenComparing(Answer::getScore, Comparator.reverseOrder())
			.thenComparing(Answer::getCreatedAt);
		// By id when the thread lists its answers: the embedded storage has no secondary indexes, so a query on
		// threadId reads every answer there is.
		Flux<Answer> found = thread.getAnswerIds().isEmpty() ? this.answers.findByThreadId(thread.getId())
				: this.answers.findAllById(thread.getAnswerIds());
		return found.sort(order);
	}

	/** The author's newest visible answers. */
	public Flux<Answer> byAuthor(String authorId, int limit) {
		return this.answers.findByAuthorIdAndDeletionIsNull(authorId,
				org.springframework.data.domain.PageRequest.of(0, limit,
						org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "createdAt")));
	}

	/**
	 * Deleted and hidden answers show only to their authors and moderators; {@code viewer} is null for anonymous
	 * readers.
	 */
	public static boolean visibleTo(Answer answer, CurrentUser viewer) {
		return (!answer.isDeleted() && !answer.isHidden())
				|| (viewer != null && AccessRules.mayModify(viewer, answer.getAuthorId()));
	}

	/** The answer's body as safe HTML: stored at writing, or rendered now for older answers. */
	public String bodyHtml(Answer answer) {
		return (answer.getBodyHtml() != null) ? answer.getBodyHtml()
				: this.markdown.render(answer.getBody(), answer.getBodyFormat());
	}

	/** Every answer's score and imported score (for the reconciler). */
	public Flux<PostScore> scores() {
		return PostScores.all(this.mongo, Answer.class);
	}

	/** Sets the score outright: only the reconciler, after recomputing it from the votes. */
	public Mono<Void> setScore(String id, int score) {
		return PostScores.set(this.mongo, Answer.class, id, score);
	}

	/** Adds a vote's effect to the answer's score. */
	public Mono<Void> adjustScore(String answerId, int delta) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(answerId)), new Update().inc("score", delta),
				Answer.class).then();
	}

}
