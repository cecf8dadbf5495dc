package dev.madang.security;

import java.time.Duration;
import java.util.Set;

import dev.madang.identity.MadangPrincipal;
import dev.madang.site.ClientAddress;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

/**
 * The rate limits of {@code madang.rate-limits}: sign-in and sign-up attempts per IP (checked before authentication,
 * so a password guesser is slowed down whatever it guesses), and writes, token creation and searches per user and per
 * IP (checked after authentication). Exceeding one answers 429 with {@code Retry-After}.
 */
@Component
class RateLimitFilters {

	private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
			HttpMethod.DELETE);

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private static final Duration HOUR = Duration.ofHours(1);

	private final RateLimiter limiter;

	private final RateLimitProperties limits;

	RateLimitFilters(RateLimiter limiter, RateLimitProperties limits) {
		this.limiter = limiter;
		this.limits = limits;
	}

	/** Before authentication: attempts to sign in (form or HTTP Basic) and to sign up, per IP. */
	WebFilter beforeAuthentication() {
		return (exchange, chain) -> {
			String path = exchange.getRequest().getPath().value();
			HttpMethod method = exchange.getRequest().getMethod();
			boolean basic = String.valueOf(exchange.getRequest().getHeaders().getFirst("Authorization"))
				.startsWith("Basic ");
			Duration wait = Duration.ZERO;
			if ((HttpMethod.POST.equals(method) && path.equals("/login")) || basic) {
				wait = this.limiter.take("login", ip(exchange), this.limits.loginsPerIp(), MINUTE);
			}
			else if (HttpMethod.POST.equals(method) && (path.equals("/signup") || path.equals("/api/v1/accounts"))) {
				wait = this.limiter.take("signup", ip(exchange), this.limits.signUpsPerIp(), HOUR);
			}
			return wait.isZero() ? chain.filter(exchange) : Mono.error(tooMany(wait));
		};
	}

	/** After authentication: writes, token creation and searches, per user and per IP. */
	WebFilter afterAuthentication() {
		return (exchange, chain) -> userId().defaultIfEmpty("").flatMap((userId) -> {
			Duration wait = waitFor(exchange, userId);
			return wait.isZero() ? chain.filter(exchange) : Mono.error(tooMany(wait));
		});
	}

	private Duration waitFor(ServerWebExchange exchange, String userId) {
		String path = exchange.getRequest().getPath().value();
		HttpMethod method = exchange.getRequest().getMethod();
		String ip = ip(exchange);
		if (HttpMethod.GET.equals(method) && (path.equals("/api/v1/search") || path.equals("/search")
				|| path.equals("/ask/similar") || path.endsWith("/similar")
				|| (path.equals("/kb") && exchange.getRequest().getQueryParams().containsKey("q")))) {
			return this.limiter.take("search", ip, this.limits.searchesPerIp(), MINUTE);
		}
		if (!WRITES.contains(method) || path.equals("/login") || path.equals("/signup")) {
			return Duration.ZERO;
		}
		Duration wait = this.limiter.take("writes-ip", ip, this.limits.writesPerIp(), MINUTE);
		if (wait.isZero() && !userId.isEmpty()) {
			wait = this.limiter.take("writes-user", userId, this.limits.writesPerUser(), MINUTE);
		}
		if (wait.isZero() && !userId.isEmpty() && HttpMethod.POST.equals(method)
				&& (path.equals("/api/v1/tokens") || path.equals("/profile/tokens"))) {
			wait = this.limiter.take("tokens", userId, this.limits.tokensPerUser(), HOUR);
		}
		return wait;
	}

	private static Mono<String> userId() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter((authentication) -> authentication.getPrincipal() instanceof MadangPrincipal)
			.map((authentication) -> ((MadangPrincipal) authentication.getPrincipal()).userId());
	}

	private static String ip(ServerWebExchange exchange) {
		return ClientAddress.of(exchange);
	}

	private static ProblemException tooMany(Duration wait) {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
				"Too many requests. Please wait " + seconds + " seconds and try again.")
			.withHeader("Retry-After", String.valueOf(seconds));
	}

}
