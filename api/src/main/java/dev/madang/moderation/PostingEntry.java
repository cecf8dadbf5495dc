package dev.madang.moderation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One post a member sent, as the spam defence remembers it: when, what kind, and a hash of its text (to find the
 * same text posted again). Not the post itself, which its module stores.
 */
@Document("posting_log")
record PostingEntry(@Id String id, @Indexed String authorId, String postType, Instant at,
		@Indexed String textHash) {
}
