package dev.madang.post;

/** The language a post is written in, as far as Madang tells them apart: Korean when it has Hangul in it, else English. */
public final class Language {

	public static final String KOREAN = "ko";

	public static final String ENGLISH = "en";

	private Language() {
	}

	public static String of(String text) {
		boolean hangul = text != null
				&& text.codePoints().anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
		return hangul ? KOREAN : ENGLISH;
	}

}
