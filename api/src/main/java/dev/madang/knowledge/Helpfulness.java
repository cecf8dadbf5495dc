package dev.madang.knowledge;

import java.time.Clock;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * "Was this helpful?": one answer per reader and article ({@code article_feedback}, id {@code <article>:<reader>}),
 * where a reader is a signed-in account or an anonymous browser. Changing one's answer moves the counts; repeating it
 * changes nothing. The counts on the article feed the owners' satisfaction figures.
 */
@Component
public class Helpfulness {

	static final String COLLECTION = "article_feedback";

	private final ReactiveMongoTemplate mongo;

	private final KnowledgeBase knowledgeBase;

	private final Clock clock;

	private final Outbox outbox;

	Helpfulness(ReactiveMongoTemplate mongo, KnowledgeBase knowledgeBase, Clock clock, Outbox outbox) {
		this.mongo = mongo;
		this.knowledgeBase = knowledgeBase;
		this.clock = clock;
		this.outbox = outbox;
	}

	/** An article's counts. */
	public record Counts(int helpful, int notHelpful) {

		static Counts of(Article article) {
			return new Counts(article.getHelpfulYes(), article.getHelpfulNo());
		}

	}

	/**
	 * Records the reader's answer and returns the article with its counts after it.
	 *
	 * @param reader {@code u:<account>} or {@code b:<browser id>}
	 */
	public Mono<Article> rate(String articleId, String reader, boolean helpful, String comment) {
		return this.knowledgeBase.findReadable(articleId, null)
			.flatMap((article) -> replace(article, reader, helpful, comment)
				.onErrorResume(DuplicateKeyException.class, (raced) -> replace(article, reader, helpful, comment)))
			.flatMap((before) -> {
				Boolean was = (before.isEmpty()) ? null : before.get().getBoolean("helpful");
				Update counts = new Update();
				if (was == null || was != helpful) {
					counts.inc(helpful ? "helpfulYes" : "helpfulNo", 1);
				}
				if (was != null && was != helpful) {
					counts.inc(was ? "helpfulYes" : "helpfulNo", -1);
				}
				if (counts.getUpdateObject().isEmpty()) {
					return Mono.empty();
				}
				return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(articleId)), counts, Article.class).then();
			})
			.then(this.knowledgeBase.find(articleId));
	}

	/** A reader's answer with what they wrote, for staff improving the article. */
	public record Comment(boolean helpful, String comment, java.time.Instant at) {
	}

	/** The newest answers that came with a comment. */
	public reactor.core.publisher.Flux<Comment> comments(String articleId, int limit) {
		Query commented = Query.query(Criteria.where("articleId").is(articleId).and("comment").ne(null))
			.with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "at"))
			.limit(limit);
		return this.mongo.find(commented, Document.class, COLLECTION)
			.map((answer) -> new Comment(Boolean.TRUE.equals(answer.getBoolean("helpful")), answer.getString("comment"),
					answer.getDate("at").toInstant()));
	}

	/** Stores the reader's answer and returns the one it replaced. */
	private Mono<java.util.Optional<Document>> replace(Article article, String reader, boolean helpful, String comment) {
		String articleId = article.getId();
		String id = articleId + ":" + reader;
		java.time.Instant now = this.clock.instant();
		String written = (comment != null && !comment.isBlank()) ? comment.strip() : null;
		Update update = new Update().set("articleId", articleId)
			.set("reader", reader)
			.set("helpful", helpful)
			.set("at", now);
		if (written != null) {
			update.set("comment", written);
		}
		DomainEvent rated = DomainEvent.of(EventType.ARTICLE_RATED, articleId, null, reader.startsWith("u:")
				? reader.substring(2) : null, now, "reader", reader, "helpful", helpful, "comment",
				(written == null) ? null : written.substring(0, Math.min(500, written.length())), "area",
				article.getProductArea(), "title", article.getTitle());
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), Outbox.with(update, rated),
				FindAndModifyOptions.options().upsert(true).returnNew(false), Document.class, COLLECTION)
			.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMap((before) -> this.outbox.relay(COLLECTION, id, java.util.List.of(rated)).thenReturn(before));
	}

}
