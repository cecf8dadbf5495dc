package dev.madang.security;

import java.net.URI;

import dev.madang.identity.BearerTokenAuthenticator;
import dev.madang.identity.Role;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerHttpBasicAuthenticationConverter;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * How requests are authenticated and which paths need what: browsers sign in with a form (local accounts) or an OIDC
 * provider and carry a session cookie with CSRF protection; API clients send {@code Authorization: Bearer} (personal
 * access token or JWT), for which CSRF does not apply. The access rules themselves live in {@link AccessRules}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	static final String SESSION_COOKIE = "SESSION";

	private static final String SECURITY_CONTEXT = org.springframework.security.web.server.context
		.WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;

	private static final java.util.regex.Pattern READER_FORMS = java.util.regex.Pattern.compile("/kb/[^/]+/(feedback|deflect)");

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' https: data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, AccessRules rules,
			BearerTokenAuthenticator bearer, ReactiveUserDetailsService accounts, PasswordEncoder passwords,
			RateLimitFilters rateLimits, ObjectProvider<ReactiveClientRegistrationRepository> oidcProviders) {
		ServerAuthenticationEntryPoint entryPoint = entryPoint();
		http.authorizeExchange((exchanges) -> exchanges
			.pathMatchers("/css/**", "/js/**", "/images/**", "/favicon.ico", "/actuator/health/**", "/actuator/health",
					"/actuator/info", "/api/docs", "/api/docs/**", "/api/swagger-ui/**", "/webjars/swagger-ui/**", "/webjars/htmx.org/**", "/webjars/htmx-ext-sse/**").permitAll()
			.pathMatchers(HttpMethod.GET, "/t/*/edit", "/t/*/answers/*/edit").access(rules.signedIn())
			.pathMatchers(HttpMethod.GET, "/t/*/duplicates").access(rules.role(Role.MODERATOR))
			// Moderation: the review queue, thread and member actions, the audit log; flagging and appeals are for
			// every signed-in member (the default below).
			.pathMatchers("/api/v1/review", "/api/v1/review/**", "/api/v1/moderation/**", "/review", "/review/**",
					"/moderation/**", "/t/*/moderate/**").access(rules.role(Role.MODERATOR))
			// The knowledge base: readers browse, search, rate and say an article answered them; staff write it.
			.pathMatchers("/kb/manage", "/kb/manage/**", "/t/*/promote").access(rules.role(Role.STAFF))
			.pathMatchers("/api/v1/insights/**", "/insights", "/insights/**").access(rules.role(Role.STAFF))
			.pathMatchers(HttpMethod.GET, "/api/v1/product-issues", "/api/v1/product-issues/*", "/known-issues",
					"/known-issues/panel").permitAll()
			.pathMatchers("/api/v1/surveys/**", "/surveys/**").access(rules.signedIn())
			.pathMatchers("/api/v1/product-issues", "/api/v1/product-issues/**", "/t/*/status")
				.access(rules.staffOrModerator())
			.pathMatchers(HttpMethod.GET, "/api/v1/articles/*/versions", "/api/v1/articles/*/versions/*",
					"/api/v1/articles/*/diff").access(rules.role(Role.STAFF))
			.pathMatchers(HttpMethod.GET, "/kb", "/kb/*", "/kb/*/*", "/api/v1/articles", "/api/v1/articles/*",
					"/api/v1/threads/*/articles",
					"/sitemap.xml", "/robots.txt").permitAll()
			.pathMatchers(HttpMethod.POST, "/kb/*/feedback", "/kb/*/deflect", "/api/v1/articles/*/deflections").permitAll()
			.pathMatchers(HttpMethod.PUT, "/api/v1/articles/*/feedback").permitAll()
			.pathMatchers("/api/v1/articles", "/api/v1/articles/**").access(rules.role(Role.STAFF))
			.pathMatchers(HttpMethod.GET, "/", "/search", "/login", "/signup", "/api/v1/search", "/api/v1/threads/*",
					"/api/v1/threads/*/answers", "/api/v1/threads/*/comments", "/api/v1/users/*/reputation", "/t/**", "/api/v1/threads",
					"/api/v1/threads/*/revisions", "/api/v1/threads/*/answers/*/revisions", "/api/v1/threads/*/similar",
					"/questions", "/u/*", "/p/*",
					"/api/v1/users/*/profile")
			.permitAll()
			.pathMatchers(HttpMethod.POST, "/signup", "/api/v1/accounts").permitAll()
			// Unsubscribe links in emails carry their own signature: no sign-in, and mail clients post them (RFC 8058).
			.pathMatchers(HttpMethod.GET, "/unsubscribe").permitAll()
			.pathMatchers(HttpMethod.POST, "/unsubscribe").permitAll()
			.pathMatchers(HttpMethod.GET, "/api/v1/areas", "/api/v1/tags").permitAll()
			.pathMatchers("/api/v1/areas/**", "/api/v1/areas", "/admin/areas", "/admin/areas/**").access(rules.role(Role.STAFF))
			.pathMatchers("/api/v1/users/**", "/api/v1/admin/**", "/admin/**").access(rules.role(Role.ADMIN))
			.anyExchange().access(rules.signedIn()))
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(cookieAuthenticatedWrites())
				.accessDeniedHandler((exchange, denied) -> Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "csrf",
						"Missing or wrong CSRF token", "This form or request needs the CSRF token of the page it came "
								+ "from: reload the page and try again, or send a bearer token instead."))))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions((frames) -> frames.mode(Mode.DENY)))
			.formLogin((form) -> form.loginPage("/login")
				.authenticationEntryPoint(entryPoint)
				.authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/login?error")))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessHandler(signedOut()))
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.authenticationManagerResolver((exchange) -> Mono.just(bearer.asManager()))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied()))
			.exceptionHandling((errors) -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied()))
			.addFilterBefore(rateLimits.beforeAuthentication(), SecurityWebFiltersOrder.HTTP_BASIC)
			.addFilterAt(basicForTokenCreation(accounts, passwords), SecurityWebFiltersOrder.HTTP_BASIC)
			.addFilterBefore(rateLimits.afterAuthentication(), SecurityWebFiltersOrder.AUTHORIZATION);
		if (oidcProviders.getIfAvailable() != null) {
			http.oauth2Login((login) -> login.authenticationFailureHandler(
					new RedirectServerAuthenticationFailureHandler("/login?error")));
		}
		return http.build();
	}

	/**
	 * HTTP Basic with a local account's email and password, accepted only to create a personal access token: a
	 * script gets its token once, then uses it. The password is never a general API credential.
	 */
	private static AuthenticationWebFilter basicForTokenCreation(ReactiveUserDetailsService accounts,
			PasswordEncoder passwords) {
		UserDetailsRepositoryReactiveAuthenticationManager manager = new UserDetailsRepositoryReactiveAuthenticationManager(
				accounts);
		manager.setPasswordEncoder(passwords);
		AuthenticationWebFilter basic = new AuthenticationWebFilter(manager);
		basic.setServerAuthenticationConverter(new ServerHttpBasicAuthenticationConverter());
		basic.setRequiresAuthenticationMatcher(
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/v1/tokens"));
		basic.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		basic.setAuthenticationFailureHandler((filterExchange, failure) -> Mono.error(unauthenticated()));
		return basic;
	}

	/**
	 * Writes that ride on the session cookie need the CSRF token. Requests carrying credentials in a header cannot be
	 * forged by another site, and an API call without a session has no ambient authority to abuse (it then gets a
	 * clear 401 rather than a CSRF 403). Page forms need the token, sign-in included, except an anonymous reader's
	 * rating of a knowledge-base article and "this answered my question": a reader who is not signed in has no
	 * authority to abuse and no token (pages give tokens to signed-in users only), even with a session left over from
	 * signing out.
	 */
	private static ServerWebExchangeMatcher cookieAuthenticatedWrites() {
		return (exchange) -> {
			var request = exchange.getRequest();
			boolean headerCredentials = request.getHeaders().containsHeader("Authorization");
			boolean sessionless = request.getCookies().getFirst(SESSION_COOKIE) == null;
			boolean sessionlessApiCall = sessionless && request.getPath().value().startsWith("/api/");
			boolean signedLink = "/unsubscribe".equals(request.getPath().value());
			if (headerCredentials || sessionlessApiCall || signedLink) {
				return ServerWebExchangeMatcher.MatchResult.notMatch();
			}
			if (READER_FORMS.matcher(request.getPath().value()).matches()) {
				Mono<Boolean> signedIn = sessionless ? Mono.just(false) : exchange.getSession()
					.map((session) -> session.getAttribute(SECURITY_CONTEXT) != null);
				return signedIn.flatMap((yes) -> yes ? CsrfWebFilter.DEFAULT_CSRF_MATCHER.matches(exchange)
						: ServerWebExchangeMatcher.MatchResult.notMatch());
			}
			return CsrfWebFilter.DEFAULT_CSRF_MATCHER.matches(exchange);
		};
	}

	/** API calls get a 401 problem; pages send the browser to the sign-in page. */
	private static ServerAuthenticationEntryPoint entryPoint() {
		RedirectServerAuthenticationEntryPoint toLogin = new RedirectServerAuthenticationEntryPoint("/login");
		return (exchange, failure) -> exchange.getRequest().getPath().value().startsWith("/api/")
				? Mono.error(unauthenticated()) : toLogin.commence(exchange, failure);
	}

	/**
	 * Requests the firewall refuses (encoded slashes or backslashes, dot segments, control characters in the path)
	 * answer like any other bad request: problem+json for the API, the error page for browsers, instead of an empty 400.
	 */
	@Bean
	ServerExchangeRejectedHandler rejectedRequests() {
		return (exchange, rejected) -> Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "rejected-request",
				"Request refused", "The address has characters or segments this server does not accept, such as an "
						+ "encoded slash or backslash, a dot segment or a control character."));
	}

	private static ServerAccessDeniedHandler accessDenied() {
		return (exchange, denied) -> Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"You do not have permission to do this."));
	}

	private static ProblemException unauthenticated() {
		return new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
				"Sign in, or send a valid access token as 'Authorization: Bearer <token>'.")
			.withHeader("WWW-Authenticate", "Bearer");
	}

	private static RedirectServerLogoutSuccessHandler signedOut() {
		RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
		handler.setLogoutSuccessUrl(URI.create("/?signedOut"));
		return handler;
	}

}
