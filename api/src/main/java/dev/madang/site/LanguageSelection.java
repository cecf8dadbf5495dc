package dev.madang.site;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.ResponseCookie;
import org.springframework.http.HttpCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The reader's language: {@code ?lang=ko|en} (remembered in a cookie), else the cookie, else the browser's
 * {@code Accept-Language}, else English. Only Korean and English are offered.
 */
@Component("localeContextResolver")
class LanguageSelection implements LocaleContextResolver {

	static final String COOKIE = "madang-lang";

	private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.KOREAN);

	@Override
	public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
		String chosen = exchange.getRequest().getQueryParams().getFirst("lang");
		Locale locale = supported(chosen);
		if (locale != null) {
			exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, locale.getLanguage())
				.path("/").maxAge(Duration.ofDays(365)).sameSite("Lax").build());
			return new SimpleLocaleContext(locale);
		}
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		locale = (cookie != null) ? supported(cookie.getValue()) : null;
		if (locale == null) {
			List<Locale.LanguageRange> ranges;
			try {
				ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
			}
			catch (IllegalArgumentException ex) {
				ranges = List.of();
			}
			locale = Locale.lookup(ranges, SUPPORTED);
		}
		return new SimpleLocaleContext((locale != null) ? locale : Locale.ENGLISH);
	}

	@Override
	public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
		throw new UnsupportedOperationException("The language is chosen with ?lang=");
	}

	private static Locale supported(String language) {
		if (language == null) {
			return null;
		}
		return SUPPORTED.stream().filter((locale) -> locale.getLanguage().equals(language)).findFirst().orElse(null);
	}

}
