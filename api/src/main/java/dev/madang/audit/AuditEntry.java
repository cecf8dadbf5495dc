package dev.madang.audit;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the append-only audit log: who did what to which subject (a post, a thread, a member), when, why, and
 * what it was before. Lines made from domain events have the id {@code event:<event id>}, so recording one twice
 * keeps one.
 */
@Document("audit_log")
public record AuditEntry(@Id String id, Instant at, String actorId, String action, String subjectId, String threadId,
		String reason, Object before, Map<String, Object> details) {

	public static AuditEntry of(Instant at, String actorId, String action, String subjectId,
			Map<String, Object> details) {
		return new AuditEntry(null, at, actorId, action, subjectId, null, null, null, details);
	}

}
