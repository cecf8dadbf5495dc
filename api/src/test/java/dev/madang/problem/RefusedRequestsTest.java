package dev.madang.problem;

import java.net.URI;
import java.util.Map;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.BrowserSession;
import dev.madang.support.QaSteps;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.madang.support.ThreadSamples.question;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests refused before any handler runs — by the security firewall, the access rules, the CSRF check, the request
 * shape — answer like every other error: problem+json for the API, the localized error page with the right status
 * for browsers. Found by a run of the Big List of Naughty Strings over every operation.
 */
class RefusedRequestsTest extends ApiIntegrationTest {

	@org.springframework.beans.factory.annotation.Value("${local.server.port}")
	private int port;

	@Test
	void pathsTheFirewallRefusesAreProblemsForTheApiAndPagesForBrowsers() {
		for (String path : new String[] { "/api/v1/threads/a%2Fb", "/api/v1/threads/a%5Cb", "/api/v1/threads/a;b",
				"/api/v1/threads/%2E%2E", "/api/v1/threads/a%25b", "/api/v1/threads/a%00b", "/api/v1/threads/a%0Ab" }) {
			this.http.get().uri(raw(path)).exchange()
				.expectStatus().isBadRequest()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody().jsonPath("$.type").isEqualTo("/problems/rejected-request");
		}
		assertThat(page("/t/a%2Fb", "ko", 400)).contains("주소나 양식을 읽을 수 없습니다");
		assertThat(page("/t/a%5Cb", "en", 400)).contains("could not be read");
	}

	@Test
	void addressesTooLongAreProblemsNotBareRefusals() {
		String longQuery = "x".repeat(20_000);
		this.http.get().uri("/api/v1/search?q={q}", longQuery).exchange()
			.expectStatus().isEqualTo(414)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("/problems/uri-too-long");
		assertThat(page("/search?q=" + longQuery, "en", 414)).contains("The address is too long.");
	}

	@Test
	void aCookieWriteWithoutTheCsrfTokenIsAProblemAndAPage() {
		BrowserSession browser = new BrowserSession(this.http);
		browser.signIn(user().email(), dev.madang.support.TestUsers.PASSWORD);
		browser.post("/api/v1/threads").contentType(MediaType.APPLICATION_JSON).bodyValue(question("No token", "body"))
			.exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("/problems/csrf");
		String html = browser.post("/ask").accept(MediaType.TEXT_HTML).header("Accept-Language", "ko")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("title=x&body=y&_csrf=wrong")
			.exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(html).contains("양식이 만료되었습니다");
	}

	@Test
	void pagesAMemberMayNotSeeAreForbiddenPagesNotServerErrors() {
		WebTestClient member = asMember();
		for (String path : new String[] { "/admin/users", "/admin/areas", "/admin/search", "/kb/manage" }) {
			String html = member.get().uri(path).accept(MediaType.TEXT_HTML).header("Accept-Language", "en").exchange()
				.expectStatus().isForbidden()
				.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectBody(String.class).returnResult().getResponseBody();
			assertThat(html).contains("You do not have permission to see this page.");
		}
		as(user(Role.MODERATOR)).post().uri("/admin/reconcile").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isForbidden();
	}

	@Test
	void titlesAndBodiesOfInvisibleCharactersAreRefused() {
		WebTestClient member = asMember();
		for (String invisible : new String[] { "\u200B\u200B\u200B", "\uFEFF \u00A0", "\u180E\u2800\u3164", "\u2028\u2029" }) {
			member.post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(question(invisible, "A body anyone can read")).exchange()
				.expectStatus().isBadRequest()
				.expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
			member.post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(question("A readable title", invisible)).exchange()
				.expectStatus().isBadRequest()
				.expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
		}
		String threadId = QaSteps.ask(member, "Zero-width answers");
		member.post().uri("/api/v1/threads/{id}/answers", threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("body", "\u200B".repeat(20))).exchange()
			.expectStatus().isBadRequest();
	}

	@Test
	void overlongUtf8IsRefusedNotDecodedIntoMarkup() {
		// "<" written as the overlong two-byte form C0 BC, which a lenient decoder reads as "<".
		byte[] json = concat("{\"title\":\"".getBytes(), new byte[] { (byte) 0xC0, (byte) 0xBC },
				"script> overlong\",\"body\":\"body text\"}".getBytes());
		asMember().post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("/problems/malformed-utf8");
		assertThat(this.mongo.count(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("title").regex("overlong$")), "threads").block())
			.isZero();
	}

	@Test
	void anArticleMayOnlyBeFiledUnderAnOpenArea() {
		WebTestClient staff = as(user(Role.STAFF));
		String articleId = QaSteps.promote(staff, QaSteps.solvedThread(asMember(), asMember(), "Area check"), "en");
		staff.put().uri("/api/v1/articles/{id}", articleId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Area check", "body", "Body of the article", "area", "no-such-area-" + System.nanoTime()))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("/problems/unknown-area");
	}

	private String page(String path, String language, int status) {
		return this.http.get().uri(raw(path)).accept(MediaType.TEXT_HTML).header("Accept-Language", language)
			.exchange()
			.expectStatus().isEqualTo(status)
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).returnResult().getResponseBody();
	}

	/** The address exactly as written, escapes and all: a template would encode them again. */
	private URI raw(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
