package dev.madang.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventConsumer;
import dev.madang.events.EventType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the audit log of moderators' and admins' actions from the event log: every moderation event becomes one
 * line keyed by its event id, so a replay or a retried batch adds nothing twice, and an action whose event is
 * recorded is never missing from the log.
 */
@Component
class AuditTrail implements EventConsumer {

	static final Set<String> AUDITED = Set.of(EventType.QUESTION_CLOSED, EventType.QUESTION_REOPENED,
			EventType.QUESTION_LOCKED, EventType.QUESTION_UNLOCKED, EventType.QUESTION_PINNED,
			EventType.QUESTION_UNPINNED, EventType.QUESTION_MOVED, EventType.QUESTION_MERGED,
			EventType.QUESTION_UNMERGED, EventType.QUESTION_DELETED, EventType.QUESTION_UNDELETED,
			EventType.ANSWER_DELETED, EventType.ANSWER_UNDELETED, EventType.POST_HIDDEN, EventType.POST_RELEASED,
			EventType.FLAG_RESOLVED, EventType.REVIEW_DECIDED, EventType.MEMBER_RESTRICTED,
			EventType.MEMBER_RESTRICTION_LIFTED, EventType.SOLUTION_MARKED);

	private final ReactiveMongoTemplate mongo;

	AuditTrail(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public String name() {
		return "audit-log";
	}

	@Override
	public boolean wants(DomainEvent event) {
		return AUDITED.contains(event.type());
	}

	@Override
	public Mono<Void> handle(List<DomainEvent> events) {
		return Flux.fromIterable(events).concatMap((event) -> this.mongo.save(entry(event))).then();
	}

	static AuditEntry entry(DomainEvent event) {
		Map<String, Object> details = new LinkedHashMap<>(event.data());
		Object before = details.remove("before");
		Object reason = details.remove("reason");
		return new AuditEntry("event:" + event.id(), event.at(), event.actorId(), event.type(), event.subject(),
				event.threadId(), (reason != null) ? reason.toString() : null, before, details);
	}

}
