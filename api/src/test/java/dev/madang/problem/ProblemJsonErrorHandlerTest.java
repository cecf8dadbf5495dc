package dev.madang.problem;

import dev.madang.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemJsonErrorHandlerTest extends ApiIntegrationTest {

	@Test
	void unknownApiPathIsANotFoundProblem() {
		asMember().get().uri("/api/v1/no-such-thing").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.instance").isEqualTo("/api/v1/no-such-thing");
	}

	@Test
	void wrongMethodIsAMethodNotAllowedProblemWithAllowHeader() {
		asMember().delete().uri("/api/v1/threads").exchange()
			.expectStatus().isEqualTo(405)
			.expectHeader().value("Allow", (allow) -> assertThat(allow).contains("POST").doesNotContain("DELETE"))
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.status").isEqualTo(405);
	}

	@Test
	void wrongContentTypeIsAnUnsupportedMediaTypeProblem() {
		asMember().post().uri("/api/v1/threads").contentType(MediaType.TEXT_PLAIN).bodyValue("title=x").exchange()
			.expectStatus().isEqualTo(415)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.status").isEqualTo(415);
	}

	@Test
	void invalidQueryParameterIsABadRequestProblem() {
		this.http.get().uri("/api/v1/search?q=x&size=500").exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
	}

	@Test
	void unexpectedFailureIsAServerErrorProblemThatRevealsNothingInternal() {
		String body = asMember().get().uri(FailingEndpoint.PATH).exchange()
			.expectStatus().isEqualTo(500)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("\"status\":500")
			.doesNotContain(FailingEndpoint.SECRET)
			.doesNotContain("IllegalStateException")
			.doesNotContain("at dev.madang");
	}

	@Test
	void browserAskingForAMissingPageGetsAFriendlyLocalizedPage() {
		String page = asMember().get().uri("/no-such-page")
			.accept(MediaType.TEXT_HTML)
			.header("Accept-Language", "ko")
			.exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("페이지를 찾을 수 없습니다.").doesNotContain("Whitelabel");
	}

}
