package dev.madang.reputation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the append-only reputation ledger. Its id is the cause ({@code vote:<vote>:<seq>:author}, ...), unique,
 * so applying the same cause twice (a retry, a replay) changes nothing.
 *
 * @param fromVotes whether the points came from votes (they count toward the daily cap)
 */
@Document("reputation_events")
@CompoundIndex(name = "user_time", def = "{'userId': 1, 'at': -1}")
public record ReputationEvent(@Id String cause, String userId, int amount, String reason, String postId,
		boolean fromVotes, Instant at) {
}
