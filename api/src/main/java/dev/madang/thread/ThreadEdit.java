package dev.madang.thread;

import java.util.List;

import dev.madang.validation.VisibleText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new version of a question: the same rules as asking, plus a note on what changed.
 *
 * @param area the product area's slug; none leaves the question without one
 * @param summary what the edit changed and why, shown in the revision history
 * @param baseRevision the revision the editor started from; when given and no longer current, the edit answers 409
 * instead of overwriting someone else's change
 */
public record ThreadEdit(
		@VisibleText(message = "{thread.title.required}") @Size(max = 200, message = "{thread.title.size}") String title,
		@VisibleText(message = "{thread.body.required}") @Size(max = 30000, message = "{thread.body.size}") String body,
		@Size(max = 5, message = "{thread.tags.size}") List<@NotBlank @Pattern(regexp = NewThread.TAG_PATTERN,
				message = "{thread.tag.pattern}") String> tags,
		@Size(max = 40) String area, @Size(max = 300, message = "{edit.summary.size}") String summary,
		Integer baseRevision) {

	public List<String> normalizedTags() {
		return NewThread.normalize(this.tags);
	}

}
