package dev.madang.question;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.madang.support.QaSteps.answer;
import static dev.madang.support.QaSteps.ask;
import static dev.madang.support.QaSteps.voteOnAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/** Editing with revision history, and soft delete / undelete, through the API as each kind of user meets them. */
class EditAndDeleteTest extends ApiIntegrationTest {

	@Test
	void everyEditKeepsTheVersionBeforeWithWhoWhenAndTheDiff() {
		existingTags("printer");
		TestUser asker = user();
		String threadId = ask(as(asker), "Printer offline after update");
		editQuestion(as(asker), threadId, Map.of("title", "Printer shows offline after firmware update",
				"body", "Details of Printer offline after update\nIt started on Monday.", "tags", List.of("printer"),
				"summary", "Say when it started", "baseRevision", 1))
			.expectStatus().isOk().expectBody()
			.jsonPath("$.revision").isEqualTo(2)
			.jsonPath("$.title").isEqualTo("Printer shows offline after firmware update");

		List<Map<String, Object>> history = revisions("/api/v1/threads/" + threadId + "/revisions");
		assertThat(history).hasSize(2);
		Map<String, Object> latest = history.get(0);
		assertThat(field(latest, "revision", "number")).isEqualTo(2);
		assertThat(field(latest, "revision", "editorId")).isEqualTo(asker.id());
		assertThat(field(latest, "revision", "summary")).isEqualTo("Say when it started");
		assertThat(field(latest, "diff", "oldTitle")).isEqualTo("Printer offline after update");
		assertThat(field(latest, "diff", "newTags")).isEqualTo(List.of("printer"));
		assertThat(diffLines(latest)).contains("added:It started on Monday.");
		assertThat(field(history.get(1), "revision", "title")).isEqualTo("Printer offline after update");
		assertThat(field(history.get(1), "revision", "body")).isEqualTo("Details of Printer offline after update");
	}

	@Test
	void editingOthersPostsTakesTheEditPrivilegeOrModeration() {
		String threadId = ask(asMember(), "Cannot export CSV");
		Map<String, Object> edit = Map.of("title", "Cannot export CSV file", "body", "Export button does nothing.");
		editQuestion(as(userWithReputation(1999)), threadId, edit).expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("/problems/reputation-too-low");
		editQuestion(as(userWithReputation(2000)), threadId, edit).expectStatus().isOk();
		editQuestion(as(user(Role.MODERATOR)), threadId, edit).expectStatus().isOk();
		this.http.put().uri("/api/v1/threads/{id}", threadId).contentType(MediaType.APPLICATION_JSON).bodyValue(edit)
			.exchange().expectStatus().isUnauthorized();
		assertThat(revisions("/api/v1/threads/" + threadId + "/revisions")).hasSize(3);
	}

	@Test
	void racingEditsFromTheSameRevisionSaveExactlyOne() {
		TestUser asker = user();
		String threadId = ask(as(asker), "Two editors at once");
		List<CompletableFuture<HttpStatus>> edits = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Map<String, Object> edit = Map.of("title", "Two editors at once", "body", "Version " + i, "baseRevision", 1);
			edits.add(CompletableFuture.supplyAsync(() -> HttpStatus.valueOf(editQuestion(as(asker), threadId, edit)
				.returnResult(String.class).getStatus().value())));
		}
		List<HttpStatus> outcomes = edits.stream().map(CompletableFuture::join).toList();
		assertThat(outcomes).containsOnly(HttpStatus.OK, HttpStatus.CONFLICT);
		assertThat(outcomes).filteredOn(HttpStatus.OK::equals).hasSize(1);
		List<Map<String, Object>> history = revisions("/api/v1/threads/" + threadId + "/revisions");
		assertThat(history).hasSize(2);
		String saved = (String) this.http.get().uri("/api/v1/threads/{id}", threadId).exchange()
			.expectBody(Map.class).returnResult().getResponseBody().get("body");
		assertThat(field(history.get(0), "revision", "body")).isEqualTo(saved);
	}

	@Test
	void answersKeepTheirRevisionsToo() {
		String threadId = ask(asMember(), "Sync stuck at 99%");
		TestUser helper = user();
		String answerId = answer(as(helper), threadId, "Restart the app and wait.");
		as(helper).put().uri("/api/v1/threads/{t}/answers/{a}", threadId, answerId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("body", "Restart the app, then sign out and in again.", "summary", "Sign-out step"))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.revision").isEqualTo(2)
			.jsonPath("$.bodyHtml").isEqualTo("<p>Restart the app, then sign out and in again.</p>\n");
		List<Map<String, Object>> history = revisions("/api/v1/threads/" + threadId + "/answers/" + answerId + "/revisions");
		assertThat(history).extracting((entry) -> field(entry, "revision", "number")).containsExactly(2, 1);
		assertThat(diffLines(history.get(0))).contains("removed:Restart the app and wait.",
				"added:Restart the app, then sign out and in again.");
		asMember().put().uri("/api/v1/threads/{t}/answers/{a}", threadId, answerId)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("body", "Someone else's rewrite of it."))
			.exchange().expectStatus().isForbidden();
	}

	@Test
	void aDeletedQuestionIsHiddenFromOthersAndItsAuthorCanBringItBack() {
		TestUser asker = user();
		String threadId = ask(as(asker), "Wrong account, please ignore");
		asMember().delete().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("/problems/not-yours");
		as(asker).delete().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isNoContent();
		as(asker).delete().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isNoContent();

		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isNotFound();
		asMember().get().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isNotFound();
		as(asker).get().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("deleted");
		as(user(Role.MODERATOR)).get().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isOk();
		assertThat(newestIds()).doesNotContain(threadId);
		answerAttempt(asMember(), threadId).expectStatus().isEqualTo(HttpStatus.CONFLICT);
		editQuestion(as(asker), threadId, Map.of("title", "Edited while deleted", "body", "No."))
			.expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody().jsonPath("$.type").isEqualTo("/problems/post-deleted");

		asMember().post().uri("/api/v1/threads/{id}/undelete", threadId).exchange().expectStatus().isForbidden();
		as(asker).post().uri("/api/v1/threads/{id}/undelete", threadId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("open");
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isOk();
		assertThat(newestIds()).contains(threadId);
	}

	@Test
	void aQuestionWithAnUpvotedAnswerStaysUnlessAModeratorDeletesIt() {
		TestUser asker = user();
		String threadId = ask(as(asker), "How do I reset my PIN?");
		String answerId = answer(asMember(), threadId, "Settings → Security → Reset PIN.");
		voteOnAnswer(as(userWithReputation(20)), answerId, 1).expectStatus().isOk();

		as(asker).delete().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
			.expectBody().jsonPath("$.type").isEqualTo("/problems/question-helps-others");
		TestUser moderator = user(Role.MODERATOR);
		as(moderator).delete().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isNoContent();
		as(asker).post().uri("/api/v1/threads/{id}/undelete", threadId).exchange().expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("/problems/undelete-not-allowed");
		as(moderator).post().uri("/api/v1/threads/{id}/undelete", threadId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("answered");
	}

	@Test
	void aDeletedAnswerLeavesTheCountsAndShowsOnlyToItsAuthor() {
		TestUser asker = user();
		String threadId = ask(as(asker), "App crashes on launch");
		TestUser helper = user();
		String answerId = answer(as(helper), threadId, "Clear the cache and try again.");
		as(helper).delete().uri("/api/v1/threads/{t}/answers/{a}", threadId, answerId).exchange()
			.expectStatus().isNoContent();

		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectBody()
			.jsonPath("$.answerCount").isEqualTo(0).jsonPath("$.status").isEqualTo("open");
		this.http.get().uri("/api/v1/threads/{id}/answers", threadId).exchange().expectBody()
			.jsonPath("$.length()").isEqualTo(0);
		as(helper).get().uri("/api/v1/threads/{id}/answers", threadId).exchange().expectBody()
			.jsonPath("$[0].deleted").isEqualTo(true);
		voteOnAnswer(as(userWithReputation(20)), answerId, 1).expectStatus().isEqualTo(HttpStatus.CONFLICT);
		this.http.get().uri("/api/v1/threads/{t}/answers/{a}/revisions", threadId, answerId).exchange()
			.expectStatus().isNotFound();

		as(helper).post().uri("/api/v1/threads/{t}/answers/{a}/undelete", threadId, answerId).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.deleted").isEqualTo(false);
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectBody()
			.jsonPath("$.answerCount").isEqualTo(1).jsonPath("$.status").isEqualTo("answered");
	}

	@Test
	void theAcceptedAnswerCannotBeDeleted() {
		TestUser asker = user();
		String threadId = ask(as(asker), "Invoice address wrong");
		TestUser helper = user();
		String answerId = answer(as(helper), threadId, "Change it under Billing → Details.");
		dev.madang.support.QaSteps.accept(as(asker), threadId, answerId).expectStatus().isOk();
		as(helper).delete().uri("/api/v1/threads/{t}/answers/{a}", threadId, answerId).exchange()
			.expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody().jsonPath("$.type").isEqualTo("/problems/answer-accepted");
		as(user(Role.MODERATOR)).delete().uri("/api/v1/threads/{t}/answers/{a}", threadId, answerId).exchange()
			.expectStatus().isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void aDeletedQuestionLeavesSearchAndReturnsWithUndelete() {
		TestUser asker = user();
		String threadId = ask(as(asker), "Quokkaphone battery drains overnight");
		eventually(Duration.ofSeconds(20), () -> assertThat(searchIds("quokkaphone")).contains(threadId));
		as(asker).delete().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isNoContent();
		eventually(Duration.ofSeconds(20), () -> assertThat(searchIds("quokkaphone")).doesNotContain(threadId));
		as(asker).post().uri("/api/v1/threads/{id}/undelete", threadId).exchange().expectStatus().isOk();
		eventually(Duration.ofSeconds(20), () -> assertThat(searchIds("quokkaphone")).contains(threadId));
	}

	private WebTestClient.ResponseSpec editQuestion(WebTestClient client, String threadId, Map<String, Object> edit) {
		return client.put().uri("/api/v1/threads/{id}", threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(edit).exchange();
	}

	private WebTestClient.ResponseSpec answerAttempt(WebTestClient client, String threadId) {
		return client.post().uri("/api/v1/threads/{id}/answers", threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("body", "An answer to a deleted question.")).exchange();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> revisions(String path) {
		return this.http.get().uri(path).exchange().expectStatus().isOk()
			.expectBodyList(Map.class).returnResult().getResponseBody().stream()
			.map((entry) -> (Map<String, Object>) entry).toList();
	}

	@SuppressWarnings("unchecked")
	private List<String> newestIds() {
		Map<String, Object> page = this.http.get().uri("/api/v1/threads?sort=newest&size=100").exchange()
			.expectBody(Map.class).returnResult().getResponseBody();
		return ((List<Map<String, Object>>) page.get("items")).stream().map((item) -> (String) item.get("id")).toList();
	}

	@SuppressWarnings("unchecked")
	private List<String> searchIds(String query) {
		Map<String, Object> result = this.http.get().uri("/api/v1/search?q={q}", query).exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		return ((List<Map<String, Object>>) result.get("hits")).stream().map((hit) -> (String) hit.get("id")).toList();
	}

	@SuppressWarnings("unchecked")
	private static Object field(Map<String, Object> entry, String part, String name) {
		return ((Map<String, Object>) entry.get(part)).get(name);
	}

	@SuppressWarnings("unchecked")
	private static List<String> diffLines(Map<String, Object> entry) {
		List<Map<String, Object>> lines = (List<Map<String, Object>>) field(entry, "diff", "lines");
		return lines.stream().map((line) -> line.get("kind") + ":" + line.get("text")).toList();
	}

}
