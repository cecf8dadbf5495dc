package dev.madang.area;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A product area as staff create or change it.
 *
 * @param slug lower-case letters, digits and dashes; fixed once created
 * @param archived whether it stops taking new questions
 */
public record AreaRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "{area.slug.pattern}") String slug,
		@NotBlank(message = "{area.name.required}") @Size(max = 60, message = "{area.name.size}") String name,
		@Size(max = 60, message = "{area.name.size}") String nameKo, Boolean archived) {

	/** Absent means not archived. */
	public boolean isArchived() {
		return Boolean.TRUE.equals(this.archived);
	}

}
