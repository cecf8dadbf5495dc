package dev.madang.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.madang.support.ApiIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** Old read notifications and old finished emails go; unread ones and emails on their way stay, however old. */
class RetentionTest extends ApiIntegrationTest {

	@Autowired
	private Retention retention;

	@Test
	void onlyWhatIsReadOrFinishedAndPastKeepingIsRemoved() {
		Instant now = Instant.now();
		Instant old = now.minus(Duration.ofDays(120));
		String user = "retention-" + now.toEpochMilli();
		insert("notifications", Map.of("_id", user + "-old-read", "userId", user, "read", true, "lastAt", old));
		insert("notifications", Map.of("_id", user + "-old-unread", "userId", user, "read", false, "lastAt", old));
		insert("notifications", Map.of("_id", user + "-new-read", "userId", user, "read", true, "lastAt", now));
		// Emails as the relay would read them; the pending one is due long after this test, so it is never sent.
		Instant later = now.plus(Duration.ofDays(365));
		insert("emails", Map.of("_id", user + "-old-sent", "userId", user, "state", "sent", "createdAt", old,
				"attempts", 0, "dueAt", old));
		insert("emails", Map.of("_id", user + "-old-pending", "userId", user, "state", "pending", "createdAt", old,
				"attempts", 0, "dueAt", later));
		insert("emails", Map.of("_id", user + "-new-cancelled", "userId", user, "state", "cancelled", "createdAt", now,
				"attempts", 0, "dueAt", now));
		try {
			this.retention.prune(now).block(Duration.ofSeconds(30));

			assertThat(ids("notifications", user)).containsExactlyInAnyOrder(user + "-old-unread", user + "-new-read");
			assertThat(ids("emails", user)).containsExactlyInAnyOrder(user + "-old-pending", user + "-new-cancelled");
		}
		finally {
			for (String collection : List.of("notifications", "emails")) {
				this.mongo.remove(Query.query(Criteria.where("userId").is(user)), collection).block(Duration.ofSeconds(10));
			}
		}
	}

	private void insert(String collection, Map<String, Object> fields) {
		Document document = new Document();
		fields.forEach((key, value) -> document.put(key, (value instanceof Instant at) ? java.util.Date.from(at) : value));
		this.mongo.insert(document, collection).block(Duration.ofSeconds(10));
	}

	private List<String> ids(String collection, String user) {
		return this.mongo.find(Query.query(Criteria.where("userId").is(user)), Document.class, collection)
			.map((document) -> document.getString("_id")).collectList().block(Duration.ofSeconds(10));
	}

}
