package dev.madang.knownissue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.madang.support.QaSteps.ask;
import static org.assertj.core.api.Assertions.assertThat;

/** Staff tell customers a question is a known issue, move it to fixed, and the people waiting on it hear it. */
class ProductIssueTest extends ApiIntegrationTest {

	@Test
	@SuppressWarnings("unchecked")
	void aKnownIssueShowsOnItsQuestionsAndTheAskPageUntilFixedAndItsWatchersAreTold() {
		TestUser asker = user();
		TestUser affected = user();
		String threadId = ask(as(asker), "Sync stops after the 2.3 update");
		String duplicate = ask(asMember(), "Syncing stopped working since updating");
		as(affected).put().uri("/api/v1/threads/{id}/me-too", threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("affected", true)).exchange().expectStatus().isOk();
		WebTestClient staff = as(user(Role.STAFF));

		Map<String, Object> issue = staff.post().uri("/api/v1/product-issues").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "known-issue", "threadIds", List.of(threadId, duplicate), "note",
					"We are looking into it."))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(issue).containsEntry("kind", "known-issue").containsEntry("status", "investigating")
			.containsEntry("open", true).containsEntry("title", "Sync stops after the 2.3 update");
		String id = issue.get("id").toString();

		assertThat(page("/t/" + threadId + "/x", "en")).contains("Known issue", "Investigating", "We are looking into it.");
		assertThat(as(asker).get().uri("/ask?lang=ko").exchange().expectStatus().isOk().expectBody(String.class)
			.returnResult().getResponseBody()).contains("알려진 문제와 계획된 기능", "Sync stops after the 2.3 update");
		assertThat(page("/known-issues", "en")).contains("Sync stops after the 2.3 update", "2 questions");

		staff.put().uri("/api/v1/product-issues/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "workaround", "note", "Sign out and in again.")).exchange().expectStatus().isOk();
		staff.put().uri("/api/v1/product-issues/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "fixed", "fixedIn", "2.3.1", "note", "Update to 2.3.1.")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.open").isEqualTo(false)
			.jsonPath("$.history.length()").isEqualTo(3);

		// The asker (watching their question) and the member with the same problem hear of each step.
		for (TestUser waiting : List.of(asker, affected)) {
			eventually(Duration.ofSeconds(20), () -> as(waiting).get().uri("/api/v1/notifications").exchange()
				.expectBody().jsonPath("$[?(@.kind == 'status')].detail.status").value((statuses) ->
						assertThat((List<String>) statuses).contains("fixed", "workaround", "investigating")));
		}
		assertThat(page("/t/" + threadId + "/x", "ko")).contains("2.3.1 버전에서 해결됨", "Update to 2.3.1.");
		assertThat(page("/t/" + duplicate + "/x", "en")).contains("Fixed in 2.3.1");
		assertThat(page("/known-issues", "en")).doesNotContain("Sync stops after the 2.3 update");
	}

	@Test
	void onlyStaffMarkAndTheLifecycleIsChecked() {
		String threadId = ask(asMember(), "Dark mode for the mobile app");
		asMember().post().uri("/api/v1/product-issues").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "feature-request", "threadIds", List.of(threadId))).exchange()
			.expectStatus().isForbidden();
		WebTestClient staff = as(user(Role.MODERATOR));
		problem(staff.post().uri("/api/v1/product-issues").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "bug", "threadIds", List.of(threadId))).exchange(), 400, "unknown-issue-kind");
		problem(staff.post().uri("/api/v1/product-issues").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "feature-request", "status", "fixed", "threadIds", List.of(threadId))).exchange(),
				400, "unknown-issue-status");
		String id = staff.post().uri("/api/v1/product-issues").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "feature-request", "threadIds", List.of(threadId))).exchange()
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
		problem(staff.post().uri("/api/v1/product-issues").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "known-issue", "threadIds", List.of(threadId))).exchange(), 409, "already-marked");
		problem(staff.put().uri("/api/v1/product-issues/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "investigating")).exchange(), 400, "unknown-issue-status");
		staff.put().uri("/api/v1/product-issues/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "planned")).exchange().expectStatus().isOk();
		this.http.get().uri("/api/v1/product-issues/{id}", id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("planned").jsonPath("$.kind").isEqualTo("feature-request");
	}

	private static void problem(WebTestClient.ResponseSpec response, int status, String slug) {
		response.expectStatus().isEqualTo(status)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").value((type) -> assertThat(type.toString()).endsWith("/problems/" + slug));
	}

	private String page(String path, String language) {
		String url = path + (path.contains("?") ? "&" : "?") + "lang=" + language;
		WebTestClient.ResponseSpec response = this.http.get().uri(url).accept(MediaType.TEXT_HTML).exchange();
		var result = response.expectBody(String.class).returnResult();
		if (result.getStatus().is3xxRedirection()) {
			return this.http.get().uri(result.getResponseHeaders().getLocation().toString() + "?lang=" + language)
				.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
				.getResponseBody();
		}
		return result.getResponseBody();
	}

}
