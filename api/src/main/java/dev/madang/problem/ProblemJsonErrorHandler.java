package dev.madang.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Turns every error of an API call into {@code application/problem+json} (RFC 9457): framework errors (404, 405,
 * 415, bad JSON, validation) and our domain errors keep their status and detail; anything unexpected becomes a
 * plain 500 whose detail reveals nothing, while the log keeps the stack trace. Browsers asking for a page are left
 * to the error page.
 */
@Component
@Order(-2)
class ProblemJsonErrorHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrorHandler.class);

	private final List<HttpMessageWriter<?>> writers;

	private final MessageSource messages;

	ProblemJsonErrorHandler(ServerCodecConfigurer codecs, MessageSource messages) {
		this.writers = codecs.getWriters();
		this.messages = messages;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(failure);
		}
		if (wantsPage(exchange)) {
			// The error page renders the status; headers such as Retry-After come along from here.
			if (failure instanceof ErrorResponse error) {
				exchange.getResponse().getHeaders().addAll(error.getHeaders());
			}
			return Mono.error(failure);
		}
		ProblemDetail problem = problemFor(failure, exchange);
		if (problem.getInstance() == null) {
			problem.setInstance(instance(exchange));
		}
		ServerResponse.BodyBuilder response = ServerResponse.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (failure instanceof ErrorResponse error) {
			response.headers((headers) -> headers.addAll(error.getHeaders()));
		}
		return response.bodyValue(problem).flatMap((built) -> built.writeTo(exchange, new ServerResponse.Context() {
			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return ProblemJsonErrorHandler.this.writers;
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}
		}));
	}

	private ProblemDetail problemFor(Throwable failure, ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		if (hasCause(failure, DataBufferLimitException.class)) {
			return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The request body is larger than this server accepts.");
		}
		if (failure instanceof ErrorResponse error) {
			ProblemDetail problem = error.updateAndGetBody(this.messages, (locale != null) ? locale : Locale.ENGLISH);
			addValidationErrors(failure, problem, locale);
			if (error.getStatusCode().is5xxServerError()) {
				log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
			}
			return problem;
		}
		log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(500),
				"Something went wrong on our side. It has been logged; please try again later.");
		problem.setTitle("Internal Server Error");
		return problem;
	}

	/** Lists each invalid field or parameter with a readable message, as {@code errors: [{field, message}]}. */
	private void addValidationErrors(Throwable failure, ProblemDetail problem, Locale locale) {
		if (failure instanceof WebExchangeBindException binding) {
			problem.setDetail("The request has invalid fields.");
			problem.setProperty("errors", binding.getFieldErrors().stream()
				.map((error) -> Map.of("field", error.getField(), "message", message(error, locale)))
				.toList());
		}
		else if (failure instanceof ProblemException domain && !domain.fieldProblems().isEmpty()) {
			problem.setProperty("errors", domain.fieldProblems().stream()
				.map((field) -> Map.of("field", field.field(), "message",
						this.messages.getMessage(field.messageCode(), null, field.messageCode(),
								(locale != null) ? locale : Locale.ENGLISH)))
				.toList());
		}
		else if (failure instanceof HandlerMethodValidationException validation) {
			problem.setDetail("The request has invalid parameters.");
			problem.setProperty("errors", validation.getParameterValidationResults().stream()
				.flatMap((result) -> result.getResolvableErrors().stream()
					.map((error) -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
							"message", message(error, locale))))
				.toList());
		}
	}

	private String message(org.springframework.context.MessageSourceResolvable error, Locale locale) {
		if (error instanceof FieldError field) {
			return this.messages.getMessage(new DefaultMessageSourceResolvable(field.getCodes(), field.getDefaultMessage()),
					(locale != null) ? locale : Locale.ENGLISH);
		}
		return this.messages.getMessage(error, (locale != null) ? locale : Locale.ENGLISH);
	}

	/** The request's path, unless it is not a valid URI reference (a refused request's path may not be). */
	private static URI instance(ServerWebExchange exchange) {
		try {
			return URI.create(exchange.getRequest().getPath().value());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean wantsPage(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().value();
		if (path.startsWith("/api/") || path.startsWith("/actuator")) {
			return false;
		}
		return exchange.getRequest().getHeaders().getAccept().stream()
			.anyMatch((type) -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
