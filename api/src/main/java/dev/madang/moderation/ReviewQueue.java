package dev.madang.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The one queue moderators work: items are opened once per kind and subject, listed oldest first (filtered by kind,
 * product area and age), claimed by one moderator at a time, and decided once.
 */
@Service
class ReviewQueue {

	private final ReactiveMongoTemplate mongo;

	private final Outbox outbox;

	private final Clock clock;

	private final ModerationProperties settings;

	ReviewQueue(ReactiveMongoTemplate mongo, Outbox outbox, Clock clock, ModerationProperties settings) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock;
		this.settings = settings;
	}

	/** Opens an item for the post unless one of this kind is open already; returns the open item either way. */
	Mono<ReviewItem> open(ReviewKind kind, ModeratedPost post, Map<String, Object> details) {
		return open(kind, post.ref().id(), post.ref().type(), post.threadId(), post.threadTitle(), post.authorId(),
				post.area(), post.text(), details, kind.id() + ":" + post.ref().id());
	}

	/** Opens an item about a member (an appeal, an automatic silence) under {@code openKey}. */
	Mono<ReviewItem> openForMember(ReviewKind kind, String userId, String text, Map<String, Object> details,
			String openKey) {
		return open(kind, userId, null, null, null, userId, null, text, details, openKey);
	}

	private Mono<ReviewItem> open(ReviewKind kind, String subject, String postType, String threadId, String title,
			String authorId, String area, String excerpt, Map<String, Object> details, String openKey) {
		Update create = new Update().setOnInsert("kind", kind.id())
			.setOnInsert("subject", subject)
			.setOnInsert("postType", postType)
			.setOnInsert("threadId", threadId)
			.setOnInsert("threadTitle", title)
			.setOnInsert("authorId", authorId)
			.setOnInsert("area", area)
			.setOnInsert("excerpt", excerpt)
			.setOnInsert("details", details)
			.setOnInsert("createdAt", this.clock.instant())
			.setOnInsert("status", ReviewItem.OPEN);
		return this.mongo.findAndModify(Query.query(Criteria.where("openKey").is(openKey)), create,
				FindAndModifyOptions.options().upsert(true).returnNew(true), ReviewItem.class)
			.onErrorResume(org.springframework.dao.DuplicateKeyException.class,
					(raced) -> this.mongo.findOne(Query.query(Criteria.where("openKey").is(openKey)), ReviewItem.class));
	}

	Mono<ReviewItem> findByOpenKey(String openKey) {
		return this.mongo.findOne(Query.query(Criteria.where("openKey").is(openKey)), ReviewItem.class);
	}

	/** The open item of this kind about {@code subject}, if any. */
	Mono<ReviewItem> openItem(ReviewKind kind, String subject) {
		return this.mongo.findOne(Query.query(Criteria.where("openKey").is(kind.id() + ":" + subject)), ReviewItem.class);
	}

	/** A page of open items, oldest first. */
	Mono<ReviewPage> list(ReviewFilter filter, int page) {
		List<Criteria> criteria = new ArrayList<>();
		criteria.add(Criteria.where("status").is(ReviewItem.OPEN));
		if (filter.kind() != null) {
			criteria.add(Criteria.where("kind").is(filter.kind().id()));
		}
		if (filter.area() != null && !filter.area().isBlank()) {
			criteria.add(Criteria.where("area").is(filter.area()));
		}
		if (filter.subject() != null && !filter.subject().isBlank()) {
			criteria.add(Criteria.where("subject").is(filter.subject()));
		}
		if (filter.olderThan() != null) {
			criteria.add(Criteria.where("createdAt").lte(this.clock.instant().minus(filter.olderThan())));
		}
		Query query = Query.query(new Criteria().andOperator(criteria.toArray(Criteria[]::new)));
		int size = this.settings.pageSize();
		int from = Math.max(0, page) * size;
		return Mono.zip(this.mongo.count(query, ReviewItem.class),
				this.mongo.find(Query.of(query).with(Sort.by("createdAt", "_id")).skip(from).limit(size), ReviewItem.class)
					.collectList())
			.map((found) -> new ReviewPage(found.getT2(), found.getT1(), Math.max(0, page), size));
	}

	/** Open items by kind, for the header's count and the queue's tabs. */
	Mono<Map<String, Long>> counts() {
		return this.mongo.aggregate(Aggregation.newAggregation(
				Aggregation.match(Criteria.where("status").is(ReviewItem.OPEN)),
				Aggregation.group("kind").count().as("count")), ReviewItem.class, org.bson.Document.class)
			.collectMap((group) -> group.getString("_id"), (group) -> ((Number) group.get("count")).longValue());
	}

	Mono<Long> countOpen() {
		return this.mongo.count(Query.query(Criteria.where("status").is(ReviewItem.OPEN)), ReviewItem.class);
	}

	Mono<ReviewItem> find(String id) {
		return this.mongo.findById(id, ReviewItem.class).switchIfEmpty(Mono.error(() -> new ProblemException(
				HttpStatus.NOT_FOUND, "review-item-not-found", "No such review item", "No review item " + id + ".")));
	}

	/**
	 * Claims the item for {@code moderatorId} for the claim time; 409 when another moderator holds it or it is
	 * decided already.
	 */
	Mono<ReviewItem> claim(String id, String moderatorId) {
		Instant now = this.clock.instant();
		Criteria claimable = new Criteria().orOperator(Criteria.where("claimedBy").is(null),
				Criteria.where("claimedBy").is(moderatorId), Criteria.where("claimedUntil").lte(now));
		Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
				Criteria.where("status").is(ReviewItem.OPEN), claimable));
		Update claim = new Update().set("claimedBy", moderatorId).set("claimedUntil", now.plus(claimTime()));
		return this.mongo.findAndModify(query, claim, FindAndModifyOptions.options().returnNew(true), ReviewItem.class)
			.switchIfEmpty(Mono.defer(() -> find(id).flatMap((item) -> Mono.error(notClaimable(item)))));
	}

	/** Gives the claim back (deferring): the item stays open for the next moderator. */
	Mono<ReviewItem> release(String id, String moderatorId) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("claimedBy").is(moderatorId)
			.and("status").is(ReviewItem.OPEN)), new Update().unset("claimedBy").unset("claimedUntil"),
				FindAndModifyOptions.options().returnNew(true), ReviewItem.class)
			.switchIfEmpty(Mono.defer(() -> find(id)));
	}

	/**
	 * Records the decision, if {@code moderatorId} still holds the claim, with its event; the item leaves the queue
	 * (an appeal keeps its key: one appeal per restriction).
	 */
	Mono<ReviewItem> finish(ReviewItem item, String moderatorId, ReviewOutcome outcome, String reason) {
		Instant now = this.clock.instant();
		DomainEvent decided = DomainEvent.of(EventType.REVIEW_DECIDED, item.id(), item.threadId(), moderatorId, now,
				"kind", item.kind(), "outcome", outcome.id(), "postId", (item.postType() != null) ? item.subject() : null,
				"postType", item.postType(), "authorId", item.authorId(), "reason", reason, "openedAt",
				item.createdAt().toString());
		Update done = new Update().set("status", ReviewItem.DONE)
			.set("outcome", outcome.id())
			.set("decidedBy", moderatorId)
			.set("decidedAt", now)
			.unset("claimedUntil");
		if (item.reviewKind() != ReviewKind.APPEAL) {
			done.unset("openKey");
		}
		Query mine = Query.query(Criteria.where("_id").is(item.id()).and("status").is(ReviewItem.OPEN)
			.and("claimedBy").is(moderatorId));
		return this.mongo.findAndModify(mine, Outbox.with(done, decided), FindAndModifyOptions.options().returnNew(true),
				ReviewItem.class)
			.flatMap((saved) -> this.outbox.relay(ReviewItem.class, item.id(), decided).thenReturn(saved))
			.switchIfEmpty(Mono.defer(() -> find(item.id()).flatMap((now2) -> Mono.error(notClaimable(now2)))));
	}

	/** When the oldest open item was opened, if any is open. */
	Mono<Instant> oldestOpenAt() {
		return this.mongo.findOne(Query.query(Criteria.where("status").is(ReviewItem.OPEN)).with(Sort.by("createdAt"))
			.limit(1), ReviewItem.class).map(ReviewItem::createdAt);
	}

	private Duration claimTime() {
		return this.settings.claimTime();
	}

	private ProblemException notClaimable(ReviewItem item) {
		if (ReviewItem.DONE.equals(item.status())) {
			return new ProblemException(HttpStatus.CONFLICT, "review-already-decided", "Already decided",
					"Another moderator decided this item already (" + item.outcome() + ").")
				.with("outcome", item.outcome());
		}
		return new ProblemException(HttpStatus.CONFLICT, "review-claimed", "Claimed by another moderator",
				"Another moderator is working on this item; pick another one.")
			.with("claimedUntil", (item.claimedUntil() != null) ? item.claimedUntil().toString() : null);
	}

	/** An age filter in hours, kept within ten years so that "now minus it" stays a valid time. */
	static Duration age(int hours) {
		return Duration.ofHours(Math.max(0, Math.min(hours, 24 * 366 * 10)));
	}

	/** Which open items to list. */
	record ReviewFilter(ReviewKind kind, String area, Duration olderThan, String subject) {
	}

	record ReviewPage(List<ReviewItem> items, long total, int page, int size) {

		public boolean hasNext() {
			return (long) (this.page + 1) * this.size < this.total;
		}

	}

}
