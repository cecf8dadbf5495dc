package dev.madang.notification;

import java.time.Instant;

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
	 * Adds the event to the member's unread notification of this kind on this thread, or starts one. Adding the same
	 * event again changes nothing.
	 */
	Mono<Void> add(String userId, String kind, String threadId, String postId, String eventId, String actorId,
			Instant at) {
		String key = Notification.groupKey(userId, kind, threadId);
		Update update = new Update().setOnInsert("userId", userId)
			.setOnInsert("kind", kind)
			.setOnInsert("threadId", threadId)
			.setOnInsert("postId", postId)
			.setOnInsert("firstAt", at)
			.setOnInsert("read", false)
			.addToSet("eventIds", eventId)
			.addToSet("actorIds", actorId)
			.max("lastAt", at);
		Query unread = Query.query(Criteria.where("groupKey").is(key));
		// An event already merged into a notification that was read since must not start a new one. Asked by the
		// indexed event id alone (an event reaches a few members), the member compared here.
		Mono<Boolean> seen = this.mongo.find(Query.query(Criteria.where("eventIds").is(eventId)), Notification.class)
			.any((notification) -> notification.userId().equals(userId));
		return seen.flatMap((known) -> known ? Mono.empty()
				: this.mongo.upsert(unread, update, Notification.class)
					.onErrorResume(DuplicateKeyException.class, (raced) -> this.mongo.upsert(unread, update,
							Notification.class))
					.then());
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

	Mono<Void> markAllRead(String userId) {
		return this.mongo.updateMulti(Query.query(Criteria.where("userId").is(userId).and("read").is(false)),
				new Update().set("read", true).unset("groupKey"), Notification.class).then();
	}

}
