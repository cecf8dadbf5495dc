package dev.madang.notification;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Who watches which thread: automatic watches from taking part, and the watches and mutes members choose. */
@Service
class Watches {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	Watches(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The member takes part in the thread: they watch it, unless they chose a level themselves. */
	Mono<Void> takePart(String userId, String threadId) {
		Update watch = new Update().setOnInsert("userId", userId)
			.setOnInsert("threadId", threadId)
			.setOnInsert("level", Watch.WATCHING)
			.setOnInsert("automatic", true)
			.setOnInsert("at", this.clock.instant());
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(Watch.idOf(userId, threadId))), watch, Watch.class)
			.onErrorResume(org.springframework.dao.DuplicateKeyException.class, (raced) -> Mono.empty())
			.then();
	}

	/** Sets the member's own level for the thread ({@code watching} or {@code muted}). */
	Mono<Watch> choose(String userId, String threadId, String level) {
		return chosen(userId, "threadId", threadId, level);
	}

	/** The member's own level on a thread ({@code threadId}) or a topic ({@code topic}), one watch per target. */
	private Mono<Watch> chosen(String userId, String field, String target, String level) {
		if (!Watch.WATCHING.equals(level) && !Watch.MUTED.equals(level)) {
			return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "bad-watch-level", "Watch or mute?",
					"level is watching or muted."));
		}
		Update chosen = new Update().set("userId", userId).set(field, target).set("level", level)
			.set("automatic", false).set("at", this.clock.instant());
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(Watch.idOf(userId, target))), chosen,
				FindAndModifyOptions.options().upsert(true).returnNew(true), Watch.class);
	}

	/** Stops watching a thread (or topic): no level of the member's own; taking part in a thread watches it again. */
	Mono<Void> forget(String userId, String threadId) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(Watch.idOf(userId, threadId))), Watch.class).then();
	}

	/** Sets the member's level for a tag or a product area ({@code tag:<name>}, {@code area:<key>}). */
	Mono<Watch> chooseTopic(String userId, String topic, String level) {
		return chosen(userId, "topic", topic, level);
	}

	Mono<Void> forgetTopic(String userId, String topic) {
		return forget(userId, topic);
	}

	/** The member's watches and mutes of tags and areas. */
	reactor.core.publisher.Flux<Watch> topicsOf(String userId) {
		return this.mongo.find(Query.query(Criteria.where("userId").is(userId)), Watch.class)
			.filter((watch) -> watch.topic() != null);
	}

	/** Who watches and who muted any of these topics. */
	Mono<Levels> ofTopics(java.util.Collection<String> topics) {
		return reactor.core.publisher.Flux.fromIterable(topics)
			.concatMap((topic) -> this.mongo.find(Query.query(Criteria.where("topic").is(topic)), Watch.class))
			.collectList()
			.map(Watches::levels);
	}

	/** The thread's watchers and the members who muted it. */
	Mono<Levels> of(String threadId) {
		return this.mongo.find(Query.query(Criteria.where("threadId").is(threadId)), Watch.class).collectList()
			.map(Watches::levels);
	}

	private static Levels levels(java.util.List<Watch> watches) {
		return new Levels(
				watches.stream().filter((w) -> Watch.WATCHING.equals(w.level())).map(Watch::userId)
					.collect(Collectors.toSet()),
				watches.stream().filter((w) -> Watch.MUTED.equals(w.level())).map(Watch::userId)
					.collect(Collectors.toSet()));
	}

	record Levels(Set<String> watching, Set<String> muted) {
	}

}
