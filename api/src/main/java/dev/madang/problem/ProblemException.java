package dev.madang.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A domain error with its problem type ({@code /problems/<slug>}). Field problems carry message codes that the
 * error handler and the pages resolve in the reader's language.
 */
public class ProblemException extends ErrorResponseException {

	private final String slug;

	private final List<FieldProblem> fieldProblems;

	public ProblemException(HttpStatus status, String slug, String title, String detail) {
		this(status, slug, title, detail, List.of());
	}

	public ProblemException(HttpStatus status, String slug, String title, String detail,
			List<FieldProblem> fieldProblems) {
		super(status, problem(status, slug, title, detail), null);
		this.slug = slug;
		this.fieldProblems = List.copyOf(fieldProblems);
	}

	/** Adds a response header, such as {@code Retry-After} or {@code WWW-Authenticate}. */
	public ProblemException withHeader(String name, String value) {
		getHeaders().set(name, value);
		return this;
	}

	/** Adds a member to the problem body ({@code "mergedInto": "…"}), for clients that act on it. */
	public ProblemException with(String property, Object value) {
		getBody().setProperty(property, value);
		return this;
	}

	/** The problem's name, the last part of its type ({@code edit-conflict}); pages show {@code problem.<slug>}. */
	public String slug() {
		return this.slug;
	}

	public List<FieldProblem> fieldProblems() {
		return this.fieldProblems;
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + slug));
		problem.setTitle(title);
		return problem;
	}

	/** One invalid field and the message code explaining why. */
	public record FieldProblem(String field, String messageCode) {
	}

}
