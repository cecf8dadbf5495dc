package dev.madang.comment;

import dev.madang.validation.VisibleText;
import jakarta.validation.constraints.Size;

/** A comment's text, and the answer it is on (none: on the question). */
public record NewComment(
		@VisibleText(message = "{comment.body.required}") @Size(min = 2, max = 600, message = "{comment.body.size}") String body,
		@Size(max = 24) String answerId) {
}
