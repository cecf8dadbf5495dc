package dev.madang.support;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.madang.support.ThreadSamples.question;

/** The steps of a question-and-answer session over the real API, as one user or another would take them. */
public final class QaSteps {

	private QaSteps() {
	}

	public static String ask(WebTestClient client, String title) {
		return client.post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question(title, "Details of " + title))
			.exchange().expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
	}

	public static String answer(WebTestClient client, String threadId, String body) {
		return client.post().uri("/api/v1/threads/{id}/answers", threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("body", body))
			.exchange().expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
	}

	public static WebTestClient.ResponseSpec voteOnAnswer(WebTestClient client, String answerId, int value) {
		return client.put().uri("/api/v1/answers/{id}/vote", answerId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("value", value)).exchange();
	}

	public static WebTestClient.ResponseSpec voteOnQuestion(WebTestClient client, String threadId, int value) {
		return client.put().uri("/api/v1/threads/{id}/vote", threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("value", value)).exchange();
	}

	public static WebTestClient.ResponseSpec accept(WebTestClient client, String threadId, String answerId) {
		return client.put().uri("/api/v1/threads/{id}/accepted-answer", threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("answerId", answerId)).exchange();
	}

	public static int reputation(WebTestClient client, String userId) {
		return ((Number) client.get().uri("/api/v1/users/{id}/reputation", userId).exchange()
			.expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody().get("reputation")).intValue();
	}

	/** A question by {@code asker} answered by {@code helper}, the answer accepted; returns the thread's id. */
	public static String solvedThread(WebTestClient asker, WebTestClient helper, String title) {
		String threadId = ask(asker, title);
		String answerId = answer(helper, threadId, "Choose the header option in Settings → Export, then export again.");
		accept(asker, threadId, answerId).expectStatus().isOk();
		return threadId;
	}

	/** Staff promote a solved thread: the draft article's id. */
	public static String promote(WebTestClient staff, String threadId, String locale) {
		return staff.post().uri("/api/v1/articles").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("threadId", threadId, "locale", locale)).exchange().expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
	}

	public static void publish(WebTestClient staff, String articleId) {
		staff.post().uri("/api/v1/articles/{id}/publish", articleId).exchange().expectStatus().isOk();
	}

	/** The ids of the questions a search for {@code query} finds, in order. */
	@SuppressWarnings("unchecked")
	public static java.util.List<String> searchIds(WebTestClient client, String query) {
		Map<String, Object> result = client.get().uri("/api/v1/search?q={q}", query).exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		return ((java.util.List<Map<String, Object>>) result.get("hits")).stream().map((hit) -> (String) hit.get("id"))
			.toList();
	}

	/** The ids on the first page (50) of the newest questions. */
	@SuppressWarnings("unchecked")
	public static java.util.List<String> listedIds(WebTestClient client) {
		Map<String, Object> page = client.get().uri("/api/v1/threads?size=50").exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		return ((java.util.List<Map<String, Object>>) page.get("items")).stream().map((item) -> (String) item.get("id"))
			.toList();
	}

}
