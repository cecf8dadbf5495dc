package dev.madang.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Appending to the audit log, and reading it newest first, filtered by actor, action, subject and time. */
@Service
public class AuditLog {

	private final ReactiveMongoTemplate mongo;

	AuditLog(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Appends a line for an action that has no domain event (tokens, passwords, bootstrap). */
	public Mono<Void> record(Instant at, String actorId, String action, String subjectId, Map<String, Object> details) {
		return this.mongo.insert(AuditEntry.of(at, actorId, action, subjectId, details)).then();
	}

	/** Which lines to read; null fields do not filter. */
	public record AuditFilter(String actorId, String action, String subjectId, Instant since) {
	}

	public record AuditPage(List<AuditEntry> entries, long total, int page, int size) {
	}

	public Mono<AuditPage> read(AuditFilter filter, int page, int size) {
		List<Criteria> criteria = new ArrayList<>();
		if (present(filter.actorId())) {
			criteria.add(Criteria.where("actorId").is(filter.actorId().strip()));
		}
		if (present(filter.action())) {
			criteria.add(Criteria.where("action").is(filter.action().strip()));
		}
		if (present(filter.subjectId())) {
			criteria.add(new Criteria().orOperator(Criteria.where("subjectId").is(filter.subjectId().strip()),
					Criteria.where("threadId").is(filter.subjectId().strip())));
		}
		if (filter.since() != null) {
			criteria.add(Criteria.where("at").gte(filter.since()));
		}
		Query query = criteria.isEmpty() ? new Query()
				: Query.query(new Criteria().andOperator(criteria.toArray(Criteria[]::new)));
		int from = Math.max(0, page) * size;
		return Mono.zip(this.mongo.count(query, AuditEntry.class),
				this.mongo.find(Query.of(query).with(Sort.by(Sort.Direction.DESC, "at")).skip(from).limit(size),
						AuditEntry.class).collectList())
			.map((found) -> new AuditPage(found.getT2(), found.getT1(), Math.max(0, page), size));
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
