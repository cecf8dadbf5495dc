package dev.madang.site;

import dev.madang.identity.CurrentUser;
import dev.madang.identity.CurrentUsers;
import dev.madang.identity.MadangPrincipal;
import reactor.core.publisher.Mono;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

/** What every page's layout needs: the signed-in user (if any), the CSRF token for its forms, and the language. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

	private static final java.util.Set<String> ANONYMOUS_FORMS = java.util.Set.of("/login", "/signup");

	private final CurrentUsers currentUsers;

	PageModel(CurrentUsers currentUsers) {
		this.currentUsers = currentUsers;
	}

	@ModelAttribute("me")
	Mono<CurrentUser> me() {
		return this.currentUsers.current();
	}

	/**
	 * The CSRF token for the page's forms. A token lives in the session, so anonymous readers get one only on the pages
	 * whose forms they can use (sign-in, sign-up): reading the community never creates a session.
	 */
	@ModelAttribute("_csrf")
	Mono<CsrfToken> csrf(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		if (token == null) {
			return Mono.empty();
		}
		if (ANONYMOUS_FORMS.contains(exchange.getRequest().getPath().value())) {
			return token;
		}
		// Signed in is read from the security context: the "me" attribute already loads the account once per page.
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter((authentication) -> authentication.getPrincipal() instanceof MadangPrincipal)
			.flatMap((authentication) -> token);
	}

	@ModelAttribute("lang")
	String language(ServerWebExchange exchange) {
		return exchange.getLocaleContext().getLocale().getLanguage();
	}

	/**
	 * Names of the query parameters present, for notices after a redirect ({@code /login?error}). Thymeleaf's
	 * {@code param} cannot tell an absent parameter from a present one under WebFlux, so pages use this instead.
	 */
	@ModelAttribute("flags")
	java.util.Set<String> flags(ServerWebExchange exchange) {
		return exchange.getRequest().getQueryParams().keySet();
	}

	@ModelAttribute("path")
	String path(ServerWebExchange exchange) {
		return exchange.getRequest().getPath().value();
	}

}
