package dev.madang.thread;

import java.util.List;

import dev.madang.validation.VisibleText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a customer sends to ask a question.
 *
 * @param title a one-line summary of the problem
 * @param body the details, in Markdown
 * @param tags up to five topic names (letters, digits, {@code + # . -}), stored lower-cased and without repeats; new
 * ones need the create-tag privilege
 * @param area the product area's slug, optional
 */
public record NewThread(
		@VisibleText(message = "{thread.title.required}") @Size(max = 200, message = "{thread.title.size}") String title,
		@VisibleText(message = "{thread.body.required}") @Size(max = 30000, message = "{thread.body.size}") String body,
		@Size(max = 5, message = "{thread.tags.size}") List<@NotBlank @Pattern(regexp = NewThread.TAG_PATTERN,
				message = "{thread.tag.pattern}") String> tags,
		@Size(max = 40) String area) {

	/** A tag's name: letters, digits and {@code + # . -}, up to 35 characters. */
	public static final String TAG_PATTERN = "[\\p{L}\\p{N}+#.\\-]{1,35}";

	public NewThread(String title, String body, List<String> tags) {
		this(title, body, tags, null);
	}

	public List<String> normalizedTags() {
		return normalize(this.tags);
	}

	/** Tags as stored: trimmed, lower-cased, without repeats. */
	static List<String> normalize(List<String> tags) {
		if (tags == null) {
			return List.of();
		}
		return tags.stream().map((tag) -> tag.strip().toLowerCase(java.util.Locale.ROOT)).distinct().toList();
	}

}
