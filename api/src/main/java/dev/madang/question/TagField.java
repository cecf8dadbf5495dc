package dev.madang.question;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.madang.thread.NewThread;
import jakarta.validation.Validator;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * The tags field of the ask and edit forms: one comma- or space-separated text, checked by the same rules as the
 * API's list (at most five, each a valid name) and told in the reader's language.
 */
@Component
class TagField {

	private final Validator validator;

	private final MessageSource messages;

	TagField(Validator validator, MessageSource messages) {
		this.validator = validator;
		this.messages = messages;
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

}
