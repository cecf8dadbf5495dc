package dev.madang.question;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.madang.area.ProductArea;
import dev.madang.area.ProductAreas;
import dev.madang.thread.NewThread;
import dev.madang.problem.ProblemException;
import jakarta.validation.Validator;
import reactor.core.publisher.Flux;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * The tags and product-area fields of the ask and edit forms. Tags are typed as one comma- or space-separated text and
 * checked by the same rules as the API's list (at most five, each a valid name); refusals from the services (a new
 * tag without the privilege, an unknown area) come back as field errors in the reader's language.
 */
@Component
class QuestionFields {

	private final Validator validator;

	private final MessageSource messages;

	private final ProductAreas areas;

	QuestionFields(Validator validator, MessageSource messages, ProductAreas areas) {
		this.validator = validator;
		this.messages = messages;
		this.areas = areas;
	}

	/** The tags field as typed: tag names separated by commas or spaces. */
	static final String TAGS_TEXT_PATTERN = "[\\p{L}\\p{N}+#.\\-, ]{0,200}";

	/** The open product areas, for the form's select. */
	Flux<ProductArea> areas() {
		return this.areas.list(false);
	}

	static List<String> parse(String text) {
		return (text == null) ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter((tag) -> !tag.isBlank()).toList();
	}

	/** Rejects the form's {@code tags} field when the parsed tags break the API's rules. */
	void check(List<String> tags, BindingResult errors, Locale locale) {
		if (errors.hasFieldErrors("tags")) {
			return;
		}
		this.validator.validate(new NewThread("title", "body", tags)).stream()
			.filter((violation) -> violation.getPropertyPath().toString().startsWith("tags"))
			.findFirst()
			.ifPresent((violation) -> {
				String code = violation.getMessageTemplate().replaceAll("[{}]", "");
				String text = this.messages.getMessage(code, null, violation.getMessage(), locale);
				errors.rejectValue("tags", "tags.invalid", text.replace("{max}", "5"));
			});
	}

	/**
	 * Shows a service's refusal of the tags or the area as an error on that field; returns false for other problems.
	 */
	@SuppressWarnings("unchecked")
	boolean reject(ProblemException problem, BindingResult errors, Locale locale) {
		Map<String, Object> details = (problem.getBody().getProperties() != null) ? problem.getBody().getProperties()
				: Map.of();
		if ("new-tag-needs-reputation".equals(problem.slug())) {
			List<String> newTags = (List<String>) details.getOrDefault("newTags", List.of());
			errors.rejectValue("tags", "tags.new", this.messages.getMessage("problem.new-tag-needs-reputation",
					new Object[] { String.join(", ", newTags), details.get("requiredReputation") },
					problem.getBody().getDetail(), locale));
			return true;
		}
		if ("unknown-area".equals(problem.slug())) {
			errors.rejectValue("area", "area.unknown", this.messages.getMessage("problem.unknown-area", null,
					problem.getBody().getDetail(), locale));
			return true;
		}
		return false;
	}

}
