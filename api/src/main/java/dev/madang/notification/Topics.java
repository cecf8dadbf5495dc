package dev.madang.notification;

import dev.madang.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** The tags and product areas a member can watch, written {@code tag:<name>} or {@code area:<key>}. */
final class Topics {

	private Topics() {
	}

	static String parse(String topic) {
		String trimmed = (topic != null) ? topic.strip().toLowerCase(java.util.Locale.ROOT) : "";
		if (trimmed.matches("(tag|area):[\\p{L}\\p{N}][\\p{L}\\p{N}._+#\\-]{0,49}")) {
			return trimmed;
		}
		throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-topic", "Which tag or area?",
				"Write a topic as tag:<name> or area:<key>, for example tag:printer.").with("topic", String.valueOf(topic));
	}

}
