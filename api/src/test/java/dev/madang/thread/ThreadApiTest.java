package dev.madang.thread;

import java.time.Duration;
import java.util.Map;

import dev.madang.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static dev.madang.support.ThreadSamples.question;
import static org.assertj.core.api.Assertions.assertThat;

class ThreadApiTest extends ApiIntegrationTest {

	@Test
	void askedQuestionCanBeReadBackAndIsFoundBySearch() {
		existingTags("mobile-app", "sync");
		String location = asMember().post().uri("/api/v1/threads")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question("Syncing stopped after updating the zebrafish app",
					"Since the update my **calendar** no longer syncs.", "Mobile-App", "sync", "sync"))
			.exchange()
			.expectStatus().isCreated()
			.expectBody()
			.jsonPath("$.id").isNotEmpty()
			.jsonPath("$.tags").isEqualTo(java.util.List.of("mobile-app", "sync"))
			.returnResult().getResponseHeaders().getLocation().toString();

		this.http.get().uri(location).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.title").isEqualTo("Syncing stopped after updating the zebrafish app")
			.jsonPath("$.body").isEqualTo("Since the update my **calendar** no longer syncs.")
			.jsonPath("$.version").isEqualTo(1);

		String id = location.substring(location.lastIndexOf('/') + 1);
		eventually(Duration.ofSeconds(15), () -> this.http.get().uri("/api/v1/search?q=zebrafish").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.total").isEqualTo(1)
			.jsonPath("$.hits[0].id").isEqualTo(id)
			.jsonPath("$.hits[0].titleHtml").isEqualTo("Syncing stopped after updating the <em>zebrafish</em> app"));
	}

	@Test
	void koreanQuestionKeepsItsTextAndIsSearchable() {
		// A tag of its own keeps other tests' questions out of these results (they share the index).
		String tag = "receipts-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		existingTags(tag);
		asMember().post().uri("/api/v1/threads")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question("결제 영수증 재발급 방법", "영수증을 다시 받고 싶어요.", tag))
			.exchange()
			.expectStatus().isCreated()
			.expectBody().jsonPath("$.title").isEqualTo("결제 영수증 재발급 방법");

		eventually(Duration.ofSeconds(15), () -> this.http.get().uri("/api/v1/search?q={q}&tag={tag}", "영수증", tag)
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.hits[0].title").isEqualTo("결제 영수증 재발급 방법"));
	}

	@Test
	void markupInSearchSnippetsIsEscaped() {
		asMember().post().uri("/api/v1/threads")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question("Script tag quokka", "<script>alert('quokka')</script> in my profile"))
			.exchange()
			.expectStatus().isCreated();

		eventually(Duration.ofSeconds(15), () -> {
			String body = this.http.get().uri("/api/v1/search?q=quokka").exchange()
				.expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
			assertThat(body).contains("&lt;script&gt;").doesNotContain("<script>");
		});
	}

	@Test
	void missingTitleIsAProblemNamingTheFieldAndStoresNothing() {
		long before = storedThreads();
		asMember().post().uri("/api/v1/threads")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("body", "no title here"))
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status").isEqualTo(400)
			.jsonPath("$.errors[0].field").isEqualTo("title")
			.jsonPath("$.errors[0].message").isEqualTo("Please give your question a title.");
		assertThat(storedThreads()).isEqualTo(before);
	}

	@Test
	void hundredKilobyteTitleIsRejectedAndStoresNothing() {
		long before = storedThreads();
		asMember().post().uri("/api/v1/threads")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question("x".repeat(100 * 1024), "body"))
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("title")
			.jsonPath("$.errors[0].message").isEqualTo("The title can be at most 200 characters.");
		assertThat(storedThreads()).isEqualTo(before);
	}

	@Test
	void malformedJsonIsABadRequestProblemAndStoresNothing() {
		long before = storedThreads();
		asMember().post().uri("/api/v1/threads")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\": \"unfinished")
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.status").isEqualTo(400).jsonPath("$.instance").isEqualTo("/api/v1/threads");
		assertThat(storedThreads()).isEqualTo(before);
	}

	@Test
	void tooManyOrInvalidTagsAreRejected() {
		asMember().post().uri("/api/v1/threads")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question("Six tags", "body", "a", "b", "c", "d", "e", "f"))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("tags");
		asMember().post().uri("/api/v1/threads")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question("Bad tag", "body", "no spaces allowed"))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("tags[0]");
	}

	@Test
	void askingRequiresSigningIn() {
		long before = storedThreads();
		this.http.post().uri("/api/v1/threads")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question("Anonymous", "body"))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().valueEquals("WWW-Authenticate", "Bearer")
			.expectBody().jsonPath("$.type").isEqualTo("/problems/unauthenticated");
		assertThat(storedThreads()).isEqualTo(before);
	}

	@Test
	void bodyLargerThanTheServerAcceptsIsAProblem() {
		asMember().post().uri("/api/v1/threads")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question("Big", "y".repeat(400 * 1024)))
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void unknownThreadIsANotFoundProblem() {
		this.http.get().uri("/api/v1/threads/does-not-exist").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("/problems/thread-not-found")
			.jsonPath("$.status").isEqualTo(404);
	}


	@Test
	void koreanSearchFindsAQuestionPhrasedWithOtherParticlesAndEndings() {
		String tag = "passwords-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		existingTags(tag);
		String id = asMember().post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question("비밀번호를 잊어버렸어요", "재설정 메일이 오지 않아요", tag))
			.exchange().expectStatus().isCreated()
			.expectBody(java.util.Map.class).returnResult().getResponseBody().get("id").toString();
		// Each query shares no exact word form with the question: only analysis makes them meet.
		for (String query : new String[] { "비밀번호가", "비밀번호 재설정은", "메일은" }) {
			eventually(java.time.Duration.ofSeconds(20), () -> this.http.get()
				.uri("/api/v1/search?q={q}&tag={tag}", query, tag)
				.exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.hits[0].id").isEqualTo(id));
		}
	}

}
