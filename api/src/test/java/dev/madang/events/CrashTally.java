package dev.madang.events;

import java.util.Date;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A consumer added to the application {@link EventLogCrashTest} kills: one {@code crash_tally} document per question
 * asked (its effect, idempotent as every consumer's must be) and how often the event was delivered.
 */
@Component
class CrashTally implements EventConsumer {

	private final ReactiveMongoTemplate mongo;

	CrashTally(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public String name() {
		return "crash-tally";
	}

	@Override
	public boolean wants(DomainEvent event) {
		return event.is(EventType.QUESTION_ASKED);
	}

	@Override
	public Mono<Void> handle(List<DomainEvent> events) {
		return Flux.fromIterable(events)
			.concatMap((event) -> this.mongo.upsert(Query.query(Criteria.where("_id").is(event.id())),
					new Update().setOnInsert("threadId", event.subject()).setOnInsert("firstAt", new Date())
						.inc("deliveries", 1),
					"crash_tally"))
			.then();
	}

}
