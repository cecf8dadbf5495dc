package dev.madang.knowledge;

import java.util.List;
import java.util.Locale;

import dev.madang.thread.NewThread;
import dev.madang.validation.VisibleText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A save of an article's working copy.
 *
 * @param body Markdown
 * @param baseRevision the revision the editor started from; a save from an older one is refused with 409 (optional)
 */
public record ArticleEdit(
		@VisibleText(message = "{article.title.required}") @Size(max = 200, message = "{thread.title.size}") String title,
		@VisibleText(message = "{article.body.required}") @Size(max = 50000, message = "{article.body.size}") String body,
		@Size(max = 5, message = "{thread.tags.size}") List<@NotBlank @Pattern(regexp = NewThread.TAG_PATTERN,
				message = "{thread.tag.pattern}") String> tags,
		@Size(max = 40) String area, Integer baseRevision) {

	List<String> normalizedTags() {
		return (this.tags == null) ? null
				: this.tags.stream().map((tag) -> tag.strip().toLowerCase(Locale.ROOT)).distinct().toList();
	}

}
