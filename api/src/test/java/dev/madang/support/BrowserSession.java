package dev.madang.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/** A browser's session seen over HTTP: it keeps the session cookie and reads CSRF tokens from the pages' forms. */
public final class BrowserSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final WebTestClient http;

	private String session;

	public BrowserSession(WebTestClient http) {
		this.http = http;
	}

	/** Form fields from name/value pairs. */
	public static MultiValueMap<String, String> form(String... pairs) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.add(pairs[i], pairs[i + 1]);
		}
		return form;
	}

	/** Where a form's redirect sends the browser, decoded. */
	public static String location(WebTestClient.ResponseSpec response) {
		EntityExchangeResult<byte[]> result = response.expectStatus().is3xxRedirection().expectBody().returnResult();
		return java.net.URLDecoder.decode(result.getResponseHeaders().getFirst(HttpHeaders.LOCATION),
				java.nio.charset.StandardCharsets.UTF_8);
	}

	/** Loads a page and returns its HTML. */
	public String page(String path) {
		EntityExchangeResult<String> result = this.http.get().uri(path).accept(MediaType.TEXT_HTML)
			.cookies((cookies) -> addSession(cookies))
			.exchange().expectBody(String.class).returnResult();
		remember(result.getResponseCookies().getFirst("SESSION"));
		return result.getResponseBody();
	}

	/** The CSRF token of the first form on the page. */
	public String csrfToken(String path) {
		Matcher matcher = CSRF.matcher(page(path));
		if (!matcher.find()) {
			throw new AssertionError("No CSRF token on " + path);
		}
		return matcher.group(1);
	}

	/** Submits a form the way the page would (with its CSRF token) and returns the response. */
	public WebTestClient.ResponseSpec submit(String formPage, String action, MultiValueMap<String, String> fields) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>(fields);
		form.add("_csrf", csrfToken(formPage));
		WebTestClient.ResponseSpec response = this.http.post().uri(action)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.cookies((cookies) -> addSession(cookies))
			.body(BodyInserters.fromFormData(form))
			.exchange();
		return response;
	}

	/** Signs in through the login form; returns where the browser is sent next. */
	public String signIn(String email, String password) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", email);
		form.add("password", password);
		EntityExchangeResult<byte[]> result = submit("/login", "/login", form).expectBody().returnResult();
		if (result.getStatus().value() / 100 != 3) {
			throw new AssertionError("Sign-in answered " + result.getStatus() + ": " + new String(
					result.getResponseBodyContent() == null ? new byte[0] : result.getResponseBodyContent()));
		}
		remember(result.getResponseCookies().getFirst("SESSION"));
		return result.getResponseHeaders().getFirst(HttpHeaders.LOCATION);
	}

	/** A request builder carrying this session's cookie, for API calls the page's scripts would make. */
	public WebTestClient.RequestHeadersSpec<?> get(String path) {
		return this.http.get().uri(path).cookies((cookies) -> addSession(cookies));
	}

	public WebTestClient.RequestBodySpec post(String path) {
		return this.http.post().uri(path).cookies((cookies) -> addSession(cookies));
	}

	private void addSession(MultiValueMap<String, String> cookies) {
		if (this.session != null) {
			cookies.add("SESSION", this.session);
		}
	}

	private void remember(ResponseCookie cookie) {
		if (cookie != null) {
			this.session = cookie.getValue();
		}
	}

}
