package dev.madang.identity;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One line of the append-only audit log: who did what to whom, and when. */
@Document("audit_log")
public record AuditEntry(@Id String id, Instant at, String actorId, String action, String subjectId,
		Map<String, Object> details) {

	static AuditEntry of(Instant at, String actorId, String action, String subjectId, Map<String, Object> details) {
		return new AuditEntry(null, at, actorId, action, subjectId, details);
	}

}
