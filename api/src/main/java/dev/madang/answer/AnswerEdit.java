package dev.madang.answer;

import dev.madang.validation.VisibleText;
import jakarta.validation.constraints.Size;

/**
 * A new version of an answer.
 *
 * @param summary what the edit changed and why, shown in the revision history
 * @param baseRevision the revision the editor started from; when given and no longer current, the edit answers 409
 */
public record AnswerEdit(
		@VisibleText(message = "{answer.body.required}") @Size(min = 10, max = 30000, message = "{answer.body.size}") String body,
		@Size(max = 300, message = "{edit.summary.size}") String summary, Integer baseRevision) {
}
