package dev.madang.knownissue;

import java.util.List;

import dev.madang.problem.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * What staff tell customers about a question: a known issue (investigating → workaround available → fixed in a
 * version) or a feature request (under review → planned → shipped or declined). The last statuses close it.
 */
public enum IssueKind {

	KNOWN_ISSUE("known-issue", List.of("investigating", "workaround", "fixed"), List.of("fixed")),

	FEATURE_REQUEST("feature-request", List.of("under-review", "planned", "shipped", "declined"),
			List.of("shipped", "declined"));

	private final String id;

	private final List<String> statuses;

	private final List<String> closing;

	IssueKind(String id, List<String> statuses, List<String> closing) {
		this.id = id;
		this.statuses = statuses;
		this.closing = closing;
	}

	@com.fasterxml.jackson.annotation.JsonValue
	public String id() {
		return this.id;
	}

	public List<String> statuses() {
		return this.statuses;
	}

	public boolean closes(String status) {
		return this.closing.contains(status);
	}

	public static IssueKind of(String id) {
		for (IssueKind kind : values()) {
			if (kind.id.equals(id)) {
				return kind;
			}
		}
		throw new ProblemException(HttpStatus.BAD_REQUEST, "unknown-issue-kind", "Unknown kind",
				"A status is a known-issue or a feature-request, not '" + id + "'.");
	}

	/** The status, checked against this kind's lifecycle; "fixed" needs the version it was fixed in. */
	String checked(String status, String fixedIn) {
		if (status == null || !this.statuses.contains(status)) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "unknown-issue-status", "Unknown status",
					"A " + this.id + " is one of " + String.join(", ", this.statuses) + ".");
		}
		if ("fixed".equals(status) && (fixedIn == null || fixedIn.isBlank())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "fixed-in-missing", "Version missing",
					"Say which version fixed it (fixedIn).");
		}
		return status;
	}

}
