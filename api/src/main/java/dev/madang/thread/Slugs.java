package dev.madang.thread;

import java.text.Normalizer;
import java.util.Locale;

/** Readable URL slugs from titles, in any script: "비밀번호를 잊어버렸어요!" → "비밀번호를-잊어버렸어요". */
public final class Slugs {

	private static final int MAX_LENGTH = 80;

	private Slugs() {
	}

	public static String of(String title) {
		String normalized = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFC)
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{L}\\p{N}]+", "-")
			.replaceAll("(^-+|-+$)", "");
		if (normalized.length() > MAX_LENGTH) {
			normalized = normalized.substring(0, MAX_LENGTH).replaceAll("-+$", "");
		}
		return normalized.isEmpty() ? "question" : normalized;
	}

	/** The canonical page of a thread. */
	public static String threadPath(String id, String title) {
		return "/t/" + id + "/" + of(title);
	}

}
