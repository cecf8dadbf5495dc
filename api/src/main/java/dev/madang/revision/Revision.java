package dev.madang.revision;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a post as it was written: the question's title, tags and body, or an answer's body. The id is
 * {@code <postId>:<number>}, so a post's history is read by id and storing the same revision twice changes nothing.
 *
 * @param postType {@code question} or {@code answer}
 * @param editorId who wrote this version (the author for the first one)
 * @param summary the editor's note on what changed, empty for the first version
 */
@Document("revisions")
public record Revision(@Id String id, String postId, String postType, int number, String editorId, String title,
		List<String> tags, String body, String bodyFormat, String summary, Instant createdAt) {

	public static Revision of(String postId, String postType, int number, String editorId, String title,
			List<String> tags, String body, String bodyFormat, String summary, Instant createdAt) {
		return new Revision(idFor(postId, number), postId, postType, number, editorId, title,
				(tags != null) ? List.copyOf(tags) : List.of(), body, bodyFormat, (summary != null) ? summary : "",
				createdAt);
	}

	public static String idFor(String postId, int number) {
		return postId + ":" + number;
	}

}
