package dev.madang.knowledge;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Staff promote a solved thread: its question becomes the title, its accepted answer the body, with other answers
 * appended when chosen.
 *
 * @param locale {@code ko} or {@code en}; by default Korean when the title is written in Hangul
 * @param answerIds further answers of the thread to append after the accepted one
 */
public record Promotion(@Pattern(regexp = "ko|en") String locale, @Size(max = 10) List<String> answerIds) {

	public static Promotion of(String locale) {
		return new Promotion(locale, List.of());
	}

	List<String> extraAnswers() {
		return (this.answerIds != null) ? this.answerIds : List.of();
	}

}
