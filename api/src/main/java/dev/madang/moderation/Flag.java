package dev.madang.moderation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's flag on a post. {@code openKey} ({@code flagger:post}) is set while the flag is open and unique, so a
 * member has one open flag per post; deciding the flag removes it. {@code weight} is fixed when the flag is raised.
 */
@Document("flags")
record Flag(@Id String id, String postType, String postId, String threadId, String postAuthorId, String flaggerId,
		String reason, String text, String duplicateOf, double weight, String status, Instant at, String decidedBy,
		Instant decidedAt, @Indexed(unique = true, sparse = true) String openKey) {

	static final String OPEN = "open";

	static final String AGREED = "agreed";

	static final String DISAGREED = "disagreed";

	/** The post's address: the question page, or the question page at the answer or comment. */
	public String postPath() {
		return "answer".equals(this.postType) ? "/p/" + this.postId : "/t/" + this.threadId;
	}

	static String openKey(String flaggerId, String postId) {
		return flaggerId + ":" + postId;
	}

}
