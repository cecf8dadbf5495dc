package dev.madang.knowledge;

import java.time.Duration;
import java.util.UUID;

import dev.madang.identity.CurrentUser;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is rating or deflecting: a signed-in account ({@code u:<id>}), or an anonymous browser, known by a random id in
 * a long-lived cookie ({@code b:<id>}) that carries nothing else and is set the first time it is needed.
 */
final class Readers {

	static final String COOKIE = "MADANG_READER";

	private Readers() {
	}

	static Mono<String> key(ServerWebExchange exchange, Mono<CurrentUser> user) {
		return user.map((signedIn) -> "u:" + signedIn.id()).switchIfEmpty(Mono.fromSupplier(() -> "b:" + browser(exchange)));
	}

	private static String browser(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		if (cookie != null && cookie.getValue().matches("[0-9a-f-]{36}")) {
			return cookie.getValue();
		}
		String id = UUID.randomUUID().toString();
		exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, id).path("/").httpOnly(true).sameSite("Lax")
			.maxAge(Duration.ofDays(365)).build());
		return id;
	}

}
