package dev.madang.notification;


import dev.madang.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Members' in-app inbox: adding an event to it (merged with its unread kin), reading it, marking it read. */
@Service
class Inbox {

	private final ReactiveMongoTemplate mongo;

	Inbox(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Adds the notice to the member's unread notification it merges with, or starts one; answers the notification
	 * that holds the event. Adding the same event again changes nothing and answers the same notification.
	 */
	Mono<Notification> add(Notice notice) {
		Update update = new Update().setOnInsert("userId", notice.userId())
			.setOnInsert("kind", notice.kind())
			.setOnInsert("threadId", notice.threadId())
			.setOnInsert("postId", notice.postId())
			.setOnInsert("firstAt", notice.at())
			.setOnInsert("read", false)
			.setOnInsert("detail", notice.detail())
			.addToSet("eventIds", notice.eventId())
			.max("lastAt", notice.at());
		if (notice.actorId() != null) {
			// The system (imports, spam rules, the reputation ledger) is no one to name.
			update.addToSet("actorIds", notice.actorId());
		}
		Query unread = Query.query(Criteria.where("groupKey").is(notice.groupKey()));
		// An event already merged into a notification that was read since must not start a new one. Asked by the
		// indexed event id alone (an event reaches a few members), the member and the kind compared here: one answer
		// can be both news to the asker and a mention of them.
		Mono<Notification> holding = this.mongo.find(Query.query(Criteria.where("eventIds").is(notice.eventId())),
				Notification.class)
			.filter((notification) -> notification.userId().equals(notice.userId())
					&& notification.kind().equals(notice.kind()))
			.next();
		return holding.switchIfEmpty(Mono.defer(() -> this.mongo.upsert(unread, update, Notification.class)
			.onErrorResume(DuplicateKeyException.class, (raced) -> this.mongo.upsert(unread, update, Notification.class))
			.then(holding)));
	}

	Mono<Void> keepForDigest(String id) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("keptForDigest", true),
				Notification.class).then();
	}

	/** The daily digest carries these: what the cap held back of them is no longer waiting. */
	Mono<Void> digested(java.util.Collection<String> ids) {
		return ids.isEmpty() ? Mono.empty()
				: this.mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), new Update().unset("keptForDigest"),
						Notification.class).then();
	}

	Mono<Notification> find(String id) {
		return this.mongo.findById(id, Notification.class);
	}

	Flux<Notification> findAll(java.util.Collection<String> ids) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Notification.class);
	}

	/** Every notification of the member, for a digest to choose from. */
	Flux<Notification> of(String userId) {
		return this.mongo.find(Query.query(Criteria.where("userId").is(userId)), Notification.class);
	}

	Flux<Notification> latest(String userId, int limit) {
		return this.mongo.find(Query.query(Criteria.where("userId").is(userId))
			.with(Sort.by(Sort.Direction.DESC, "lastAt")).limit(limit), Notification.class);
	}

	Mono<Long> unread(String userId) {
		return this.mongo.count(Query.query(Criteria.where("userId").is(userId).and("read").is(false)),
				Notification.class);
	}

	/** Marks one of the member's notifications read; someone else's is not found. */
	Mono<Void> markRead(String userId, String id) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("userId").is(userId)),
				new Update().set("read", true).unset("groupKey"), Notification.class)
			.flatMap((result) -> (result.getMatchedCount() == 0) ? Mono.error(new ProblemException(HttpStatus.NOT_FOUND,
					"notification-not-found", "No such notification", "You have no notification " + id + "."))
					: Mono.empty());
	}

	/** The member read the thread in the app: its unread notifications are read (and their emails not sent). */
	Mono<Void> markThreadRead(String userId, String threadId) {
		return this.mongo.find(Query.query(Criteria.where("userId").is(userId).and("read").is(false)), Notification.class)
			.filter((notification) -> threadId.equals(notification.threadId()))
			.map(Notification::id)
			.collectList()
			.flatMap((ids) -> ids.isEmpty() ? Mono.empty()
					: this.mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)),
							new Update().set("read", true).unset("groupKey"), Notification.class).then());
	}

	Mono<Void> markAllRead(String userId) {
		return this.mongo.updateMulti(Query.query(Criteria.where("userId").is(userId).and("read").is(false)),
				new Update().set("read", true).unset("groupKey"), Notification.class).then();
	}

}
