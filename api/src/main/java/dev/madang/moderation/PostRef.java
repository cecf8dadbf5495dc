package dev.madang.moderation;

import java.util.Locale;

import dev.madang.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** A question, answer or comment, named by its type ({@code question}, {@code answer}, {@code comment}) and id. */
public record PostRef(String type, String id) {

	public PostRef {
		type = (type == null) ? "" : type.strip().toLowerCase(Locale.ROOT);
		if (!type.equals("question") && !type.equals("answer") && !type.equals("comment")) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-post-type", "Unknown post type",
					"postType is question, answer or comment.");
		}
		if (id == null || id.isBlank()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "post-id-missing", "Which post?", "Give the post's id.");
		}
	}

}
