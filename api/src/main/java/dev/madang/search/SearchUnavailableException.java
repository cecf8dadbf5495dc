package dev.madang.search;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Search cannot answer now (Elasticsearch is unreachable); nothing written is lost, it becomes searchable later. */
class SearchUnavailableException extends ErrorResponseException {

	SearchUnavailableException(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
		getHeaders().set("Retry-After", "10");
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Search is temporarily unavailable. Please try again shortly.");
		problem.setType(URI.create("/problems/search-unavailable"));
		problem.setTitle("Search unavailable");
		return problem;
	}

}
