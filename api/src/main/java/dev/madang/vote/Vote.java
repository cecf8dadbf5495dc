package dev.madang.vote;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One user's vote on one post. The id is {@code <userId>:<postId>}, so a user has at most one vote per post and
 * concurrent votes by the same user meet on the same document. {@code seq} counts changes; {@code authorPoints} and
 * {@code voterPoints} are the reputation the current value is worth, stored with the value in one atomic update so
 * the next change knows exactly what to take back.
 */
@Document("votes")
public record Vote(@Id String id, String userId, @Indexed String postId, PostType postType, @Indexed String postAuthorId,
		int value, int seq, int authorPoints, String authorPointsDay, int voterPoints, Instant updatedAt) {

	static String idFor(String userId, String postId) {
		return userId + ":" + postId;
	}

}
