package dev.madang.thread;

import java.time.Clock;

import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * "I have this problem too": customers add themselves to a question, which owners read as the size of a pain point.
 * One marker document per person and question ({@code thread_followers}, id {@code user:thread}); the count moves only
 * when a marker is really created or removed, so repeated or racing clicks count once.
 */
@Service
public class MeToo {

	private final ReactiveMongoTemplate mongo;

	private final ThreadService threads;

	private final Clock clock;

	MeToo(ReactiveMongoTemplate mongo, ThreadService threads, Clock clock) {
		this.mongo = mongo;
		this.threads = threads;
		this.clock = clock;
	}

	/** Sets whether the user has this problem too; returns the question's count afterwards. */
	public Mono<MeTooCount> set(String userId, String threadId, boolean affected) {
		return this.threads.find(threadId).flatMap((thread) -> {
			if (thread.getAuthorId().equals(userId)) {
				return Mono.error(new ProblemException(HttpStatus.CONFLICT, "own-question", "Own question",
						"You asked this question; it already counts you."));
			}
			String id = userId + ":" + threadId;
			Mono<Long> change = affected
					? this.mongo.insert(new org.bson.Document("_id", id).append("userId", userId)
						.append("threadId", threadId).append("at", java.util.Date.from(this.clock.instant())),
							"thread_followers")
						.thenReturn(1L)
						.onErrorResume(DuplicateKeyException.class, (already) -> Mono.just(0L))
					: this.mongo.remove(Query.query(Criteria.where("_id").is(id)), "thread_followers")
						.map((result) -> -result.getDeletedCount());
			return change
				.flatMap((delta) -> (delta == 0) ? this.threads.find(threadId)
						: this.threads.countMeToo(threadId, userId, delta.intValue()))
				.map((updated) -> new MeTooCount(threadId, updated.getFollowCount(), affected));
		});
	}

	/** The members who said they have this problem too. */
	public reactor.core.publisher.Flux<String> affected(String threadId) {
		return this.mongo.find(Query.query(Criteria.where("threadId").is(threadId)), org.bson.Document.class,
				"thread_followers").map((follower) -> follower.getString("userId"));
	}

	/** Whether the user counts themselves on the question. */
	public Mono<Boolean> isAffected(String userId, String threadId) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(userId + ":" + threadId)), "thread_followers");
	}

	/** A question's "me too" count and whether the caller is in it. */
	public record MeTooCount(String threadId, int count, boolean me) {
	}

}
