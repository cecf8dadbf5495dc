package dev.madang.thread;

import java.util.Locale;

/** How a list of questions is ordered (and, for {@code UNANSWERED}, filtered). */
public enum ThreadOrder {

	/** Newest first. */
	NEWEST,
	/** Most recent activity (asked, answered, accepted) first. */
	ACTIVE,
	/** Questions without answers, newest first. */
	UNANSWERED,
	/** Highest score first. */
	TOP;

	/** Parses {@code newest}, {@code top}, ...; anything else is a 400 problem. */
	public static ThreadOrder parse(String name) {
		try {
			return valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new dev.madang.problem.ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "unknown-sort",
					"Unknown sort", "Sort by newest, active, unanswered or top.");
		}
	}

}
