package dev.madang.answer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An answer's Markdown body. */
public record NewAnswer(@NotBlank(message = "{answer.body.required}")
		@Size(min = 10, max = 30000, message = "{answer.body.size}") String body) {
}
