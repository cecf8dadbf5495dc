package dev.madang.thread;

import java.time.Clock;
import java.time.Instant;

import dev.madang.markdown.MarkdownRenderer;
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

	ThreadService(ThreadRepository threads, ApplicationEventPublisher events, Clock clock, ReactiveMongoTemplate mongo,
			MarkdownRenderer markdown) {
		this.markdown = markdown;
		this.threads = threads;
		this.events = events;
		this.clock = clock;
		this.mongo = mongo;
	}

	public Mono<ForumThread> start(String authorId, NewThread request) {
		ForumThread thread = ForumThread.start(authorId, request.title().strip(), request.body(),
				this.markdown.toSafeHtml(request.body()), request.normalizedTags(), this.clock.instant());
		return this.threads.insert(thread)
			.doOnNext((stored) -> this.events.publishEvent(new ThreadChanged(stored.getId())));
	}

	public Mono<ForumThread> find(String id) {
		return this.threads.findById(id).switchIfEmpty(Mono.error(() -> new ThreadNotFoundException(id)));
	}

	/** The thread, if it still takes answers; closed, locked and deleted threads answer 409. */
	public Mono<ForumThread> findOpenForAnswers(String id) {
		return find(id).flatMap((thread) -> thread.getStatus().acceptsAnswers() ? Mono.just(thread)
				: Mono.error(new ProblemException(HttpStatus.CONFLICT, "thread-not-open", "Thread not open",
						"This thread is " + thread.getStatus().name().toLowerCase(java.util.Locale.ROOT)
								+ " and takes no new answers.")));
	}

	/** Counts a new answer: one more answer, first-answer time, open becomes answered; search must refresh. */
	public Mono<Void> recordAnswer(String threadId, String answerId, Instant at) {
		Query thread = Query.query(Criteria.where("_id").is(threadId));
		return this.mongo.updateFirst(thread,
				changed(at).inc("answerCount", 1).addToSet("answerIds", answerId).set("lastActivityAt", at),
				ForumThread.class)
			.then(this.mongo.updateFirst(Query.query(Criteria.where("_id").is(threadId).and("firstAnswerAt").is(null)),
					new Update().set("firstAnswerAt", at), ForumThread.class))
			.then(this.mongo.updateFirst(Query.query(Criteria.where("_id").is(threadId).and("status").is(ThreadStatus.OPEN)),
					new Update().set("status", ThreadStatus.ANSWERED), ForumThread.class))
			.doOnSuccess((done) -> this.events.publishEvent(new ThreadChanged(threadId)))
			.then();
	}

	/** Adds a vote's effect to the question's score. */
	public Mono<Void> adjustScore(String threadId, int delta) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(threadId)),
				changed(this.clock.instant()).inc("score", delta), ForumThread.class)
			.doOnSuccess((done) -> this.events.publishEvent(new ThreadChanged(threadId)))
			.then();
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
