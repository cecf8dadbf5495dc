package dev.madang.answer;

import dev.madang.validation.VisibleText;
import jakarta.validation.constraints.Size;

/** An answer's Markdown body. */
public record NewAnswer(@VisibleText(message = "{answer.body.required}")
		@Size(min = 10, max = 30000, message = "{answer.body.size}") String body) {
}
