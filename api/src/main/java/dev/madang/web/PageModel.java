package dev.madang.web;

import dev.madang.identity.CurrentUser;
import dev.madang.identity.CurrentUsers;
import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

/** What every page's layout needs: the signed-in user (if any), the CSRF token for its forms, and the language. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

	private final CurrentUsers currentUsers;

	PageModel(CurrentUsers currentUsers) {
		this.currentUsers = currentUsers;
	}

	@ModelAttribute("me")
	Mono<CurrentUser> me() {
		return this.currentUsers.current();
	}

	@ModelAttribute("_csrf")
	Mono<CsrfToken> csrf(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return (token != null) ? token : Mono.empty();
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
