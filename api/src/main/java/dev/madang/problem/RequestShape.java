package dev.madang.problem;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses requests no handler should see, before anything reads them: addresses longer than {@value #MAX_URI_LENGTH}
 * characters (414), and text bodies (JSON, forms, plain text) that are not valid UTF-8 (400). Both answer as every
 * other error does: problem+json for the API, the localized error page for browsers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestShape implements WebFilter {

	static final int MAX_URI_LENGTH = 8192;

	private static final List<MediaType> TEXT = List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"),
			MediaType.APPLICATION_FORM_URLENCODED, new MediaType("text", "*"));

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String uri = request.getURI().getRawPath() + ((request.getURI().getRawQuery() != null)
				? "?" + request.getURI().getRawQuery() : "");
		if (uri.length() > MAX_URI_LENGTH) {
			return Mono.error(new ProblemException(HttpStatus.URI_TOO_LONG, "uri-too-long", "Address too long",
					"The address is longer than " + MAX_URI_LENGTH + " characters; send long values in the body."));
		}
		MediaType type = request.getHeaders().getContentType();
		if (type == null || TEXT.stream().noneMatch((text) -> text.includes(type))) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(new CheckedBody(request)).build());
	}

	private static ProblemException malformed() {
		return new ProblemException(HttpStatus.BAD_REQUEST, "malformed-utf8", "Malformed text",
				"The request body is not valid UTF-8.");
	}

	/** The request with its body checked as it is read. */
	private static final class CheckedBody extends ServerHttpRequestDecorator {

		CheckedBody(ServerHttpRequest request) {
			super(request);
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> {
				Utf8Check check = new Utf8Check();
				return super.getBody().handle((DataBuffer buffer, reactor.core.publisher.SynchronousSink<DataBuffer> sink) -> {
					if (accept(check, buffer)) {
						sink.next(buffer);
					}
					else {
						org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
						sink.error(malformed());
					}
				}).concatWith(Mono.defer(() -> check.complete() ? Mono.<DataBuffer>empty() : Mono.error(malformed())));
			});
		}

		private static boolean accept(Utf8Check check, DataBuffer buffer) {
			try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
				while (chunks.hasNext()) {
					if (!check.accept(chunks.next())) {
						return false;
					}
				}
			}
			return true;
		}

	}

}
