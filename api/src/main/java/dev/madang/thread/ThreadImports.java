package dev.madang.thread;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.markdown.MarkdownRenderer;
import dev.madang.post.ImportKeys;
import dev.madang.post.Language;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * How imports write questions: each by its import key, with its {@code question.asked} event (at the original time)
 * recorded only when it is created, then its answers, solution, duplicates and comments as the import finds them.
 * Every step sets values outright or adds to sets, so a repeated import writes the same state.
 */
@Service
public class ThreadImports {

	private final ReactiveMongoTemplate mongo;

	private final MarkdownRenderer markdown;

	private final ImportKeys importKeys;

	private final Outbox outbox;

	ThreadImports(ReactiveMongoTemplate mongo, MarkdownRenderer markdown, ImportKeys importKeys, Outbox outbox) {
		this.mongo = mongo;
		this.markdown = markdown;
		this.importKeys = importKeys;
		this.outbox = outbox;
	}

	/** Creates the question unless it was imported before; returns its id either way. */
	public Mono<String> question(QuestionImport question) {
		String id = new org.bson.types.ObjectId().toHexString();
		DomainEvent asked = DomainEvent.of(EventType.QUESTION_ASKED, id, id, question.authorId(), question.createdAt(),
				"title", question.title(), "tags", question.tags(), "language", Language.of(question.title()),
				"imported", question.importKey(), "score", question.score());
		Update create = new Update().setOnInsert("_id", new org.bson.types.ObjectId(id))
			.setOnInsert("title", question.title())
			.setOnInsert("language", Language.of(question.title()))
			.setOnInsert("body", question.body())
			.setOnInsert("bodyHtml", this.markdown.render(question.body(), question.bodyFormat()))
			.setOnInsert("bodyFormat", question.bodyFormat())
			.setOnInsert("tags", question.tags())
			.setOnInsert("authorId", question.authorId())
			.setOnInsert("status", ThreadStatus.OPEN)
			.setOnInsert("score", question.score())
			.setOnInsert("importedScore", question.score())
			.setOnInsert("source", question.source())
			.setOnInsert("createdAt", question.createdAt())
			.setOnInsert("updatedAt", question.createdAt())
			.setOnInsert("lastActivityAt", question.lastActivityAt())
			.setOnInsert("version", 1L)
			.setOnInsert("indexPending", true)
			.setOnInsert("indexedVersion", 0L);
		return this.importKeys.create(ForumThread.class, question.importKey(), create, asked);
	}

	/**
	 * The question's answers as imported, the first answer's time, and its accepted answer if any (solved then), set
	 * outright.
	 */
	public Mono<Void> answered(String threadId, List<String> answerIds, Instant firstAnswerAt, String acceptedAnswerId,
			Instant solvedAt) {
		Update update = new Update().set("answerCount", answerIds.size()).set("answerIds", answerIds);
		if (firstAnswerAt != null) {
			update.set("firstAnswerAt", firstAnswerAt).set("status", ThreadStatus.ANSWERED);
		}
		if (acceptedAnswerId == null) {
			return this.mongo.updateFirst(byId(threadId), update, ForumThread.class).then();
		}
		update.set("acceptedAnswerId", acceptedAnswerId).set("status", ThreadStatus.SOLVED).set("solvedAt", solvedAt);
		// Recorded so that the event log tells when imported questions were solved (owners' figures); a re-import
		// records it again, which consumers treat as the same fact.
		DomainEvent accepted = DomainEvent.of(EventType.ANSWER_ACCEPTED, acceptedAnswerId, threadId, null, solvedAt,
				"answerId", acceptedAnswerId, "imported", "import");
		return this.mongo.updateFirst(byId(threadId), Outbox.with(update, accepted), ForumThread.class)
			.then(this.outbox.relay(ForumThread.class, threadId, accepted));
	}

	/** The site marked the question a duplicate of {@code originalId}. */
	public Mono<Void> duplicateOf(String threadId, String originalId) {
		return this.mongo.updateFirst(byId(threadId), new Update().addToSet("duplicateOf", originalId), ForumThread.class)
			.then();
	}

	/** Lists imported comments on the thread (added to the set: comments written here since stay). */
	public Mono<Void> listComments(String threadId, Collection<String> commentIds) {
		return this.mongo.updateFirst(byId(threadId), new Update().addToSet("commentIds").each(commentIds.toArray()),
				ForumThread.class).then();
	}

	/**
	 * Files the questions imported under keys matching {@code importKeyPattern} that have no product area under
	 * {@code area}: a new version, so ones indexed before they got it are indexed again with it.
	 */
	public Mono<Void> fileUnder(String importKeyPattern, String area) {
		return this.mongo.updateMulti(Query.query(Criteria.where("importKey").regex(importKeyPattern)
			.and("productArea").is(null)), new Update().set("productArea", area).inc("version", 1).set("indexPending", true),
				ForumThread.class).then();
	}

	/** Whether there is no question at all (a new community, which the demo content fills). */
	public Mono<Boolean> none() {
		return this.mongo.count(new Query().limit(1), ForumThread.class).map((count) -> count == 0);
	}

	private static Query byId(String threadId) {
		return Query.query(Criteria.where("_id").is(threadId));
	}

}
