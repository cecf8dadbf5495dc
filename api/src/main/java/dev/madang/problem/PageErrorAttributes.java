package dev.madang.problem;

import java.util.Map;

import org.springframework.boot.webflux.error.DefaultErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * What the error page is told about a failure: Boot reads the status only from {@code ResponseStatusException}, so a
 * {@link ProblemException} raised by a filter (403 from an access rule, 429 from a rate limit) rendered as a 500. Any
 * {@link ErrorResponse} keeps its status here, and a problem's slug reaches the page for a message of its own.
 */
@Component
class PageErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(ServerRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		if (getError(request) instanceof ErrorResponse response) {
			HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
			attributes.put("status", response.getStatusCode().value());
			attributes.put("error", (status != null) ? status.getReasonPhrase() : "");
		}
		if (getError(request) instanceof ProblemException problem) {
			attributes.put("problem", problem.slug());
		}
		return attributes;
	}

}
