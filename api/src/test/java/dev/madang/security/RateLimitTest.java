package dev.madang.security;

import java.util.Map;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.BrowserSession;
import dev.madang.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static dev.madang.support.ThreadSamples.question;

@TestPropertySource(properties = { "madang.rate-limits.writes-per-user=3", "madang.rate-limits.logins-per-ip=4",
		"madang.rate-limits.tokens-per-user=2", "madang.rate-limits.searches-per-ip=3" })
class RateLimitTest extends ApiIntegrationTest {

	@Test
	void aUserWritingTooFastIsToldToWait() {
		TestUsers.TestUser member = user();
		for (int i = 0; i < 3; i++) {
			as(member).post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(question("Rate " + i, "body")).exchange().expectStatus().isCreated();
		}
		as(member).post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question("One too many", "body")).exchange()
			.expectStatus().isEqualTo(429)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().value("Retry-After", (seconds) -> org.assertj.core.api.Assertions
				.assertThat(Integer.parseInt(seconds)).isBetween(1, 60))
			.expectBody().jsonPath("$.type").isEqualTo("/problems/rate-limited");

		as(user()).post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question("Another user is not slowed", "body")).exchange().expectStatus().isCreated();
	}

	@Test
	void tokenCreationIsLimitedPerUser() {
		TestUsers.TestUser member = user();
		for (int i = 0; i < 2; i++) {
			as(member).post().uri("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("name", "t" + i)).exchange().expectStatus().isCreated();
		}
		as(member).post().uri("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "t3")).exchange().expectStatus().isEqualTo(429);
	}

	@Test
	void guessingPasswordsIsThrottled() {
		TestUsers.TestUser member = user();
		int throttled = 0;
		for (int i = 0; i < 6; i++) {
			try {
				new BrowserSession(this.http).signIn(member.email(), "guess " + i);
			}
			catch (AssertionError ex) {
				if (ex.getMessage().contains("429")) {
					throttled++;
				}
			}
		}
		org.assertj.core.api.Assertions.assertThat(throttled).isGreaterThanOrEqualTo(2);
		this.http.post().uri("/api/v1/tokens").headers((headers) -> headers.setBasicAuth(member.email(), "x"))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "x")).exchange()
			.expectStatus().isEqualTo(429);
	}

	@Test
	void aBrowserSearchingTooFastGetsALocalizedPageThatSaysWhenToComeBack() {
		int refused = 0;
		for (int i = 0; i < 5; i++) {
			var result = this.http.get().uri("/search?q=coffee{n}", i).accept(MediaType.TEXT_HTML)
				.header("Accept-Language", "ko").exchange().expectBody(String.class).returnResult();
			if (result.getStatus().value() == 429) {
				refused++;
				org.assertj.core.api.Assertions.assertThat(result.getResponseHeaders().getContentType().toString())
					.startsWith("text/html");
				org.assertj.core.api.Assertions.assertThat(result.getResponseHeaders().getFirst("Retry-After"))
					.matches("[1-9][0-9]*");
				org.assertj.core.api.Assertions.assertThat(result.getResponseBody()).contains("요청이 너무 많습니다");
			}
		}
		org.assertj.core.api.Assertions.assertThat(refused).isGreaterThanOrEqualTo(2);
	}

}
