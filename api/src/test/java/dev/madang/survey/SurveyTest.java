package dev.madang.survey;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.madang.support.QaSteps.accept;
import static dev.madang.support.QaSteps.answer;
import static org.assertj.core.api.Assertions.assertThat;

/** Askers are asked once how easy it was, then (once a quarter) whether they would recommend us; owners see both. */
class SurveyTest extends ApiIntegrationTest {

	private final String area = "sv-" + UUID.randomUUID().toString().substring(0, 6);

	@Test
	@SuppressWarnings("unchecked")
	void askersAnswerEffortOnceAndLoyaltyOnceAQuarterAndTheFiguresFollow() {
		WebTestClient staff = as(user(Role.STAFF));
		staff.post().uri("/api/v1/areas").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", this.area, "name", "Printing", "nameKo", "인쇄")).exchange().expectStatus().isCreated();
		TestUser first = user();
		String solved = solved(first, "Printer prints blank pages");
		WebTestClient asker = as(first);
		due(asker, solved).containsEntry("kind", "ces");
		String box = asker.get().uri("/surveys/prompt?thread={id}&lang=ko", solved).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(box).contains("이 문제를 해결하기까지 얼마나 쉬웠나요?");
		post(asker, "/api/v1/surveys/ces", Map.of("threadId", solved, "score", 6)).expectStatus().isNoContent();
		post(asker, "/api/v1/surveys/ces", Map.of("threadId", solved, "score", 7)).expectStatus().isEqualTo(409);
		due(asker, solved).containsEntry("kind", "nps");
		post(asker, "/api/v1/surveys/nps", Map.of("score", 9, "threadId", solved)).expectStatus().isNoContent();
		post(asker, "/api/v1/surveys/nps", Map.of("score", 10)).expectStatus().isEqualTo(409);
		due(asker, solved).isEmpty();

		TestUser second = user();
		String other = solved(second, "Printer driver missing after update");
		post(as(second), "/api/v1/surveys/ces", Map.of("threadId", other, "score", 2)).expectStatus().isNoContent();
		post(as(second), "/api/v1/surveys/nps", Map.of("score", 3, "threadId", other)).expectStatus().isNoContent();
		TestUser third = user();
		String dismissed = solved(third, "Printer offline on Wi-Fi");
		Map<String, Object> notNow = new HashMap<>();
		notNow.put("threadId", dismissed);
		notNow.put("score", null);
		post(as(third), "/api/v1/surveys/ces", notNow).expectStatus().isNoContent();
		due(as(third), dismissed).containsEntry("kind", "nps");

		// Effort 6 and 2: average 4.0, one of two easy; loyalty 9 (promoter) and 3 (detractor): NPS 0.
		eventually(Duration.ofSeconds(30), () -> {
			Map<String, Object> survey = (Map<String, Object>) ((Map<String, Object>) staff.get()
				.uri("/api/v1/insights/overview?area={area}", this.area).exchange().expectStatus().isOk()
				.expectBody(Map.class).returnResult().getResponseBody().get("selfService")).get("survey");
			assertThat(survey).containsEntry("effortAnswers", 2).containsEntry("effortAverage", 4.0)
				.containsEntry("easyShare", 0.5).containsEntry("loyaltyAnswers", 2).containsEntry("nps", 0.0);
		});
		String dashboard = staff.get().uri("/insights?area={area}&lang=en", this.area).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(dashboard).contains("Customer effort and loyalty", "4.0 (2)", "Printing");
	}

	@Test
	void onlyTheAskerOfASolvedQuestionRatesItsEffortOnTheScale() {
		as(user(Role.STAFF)).post().uri("/api/v1/areas").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", this.area, "name", "Scanning", "nameKo", "스캔")).exchange().expectStatus().isCreated();
		TestUser asker = user();
		String open = dev.madang.support.QaSteps.ask(as(asker), "Scanner not found");
		post(as(asker), "/api/v1/surveys/ces", Map.of("threadId", open, "score", 5)).expectStatus().isEqualTo(409);
		String solved = solved(asker, "Scanner found but slow");
		post(asMember(), "/api/v1/surveys/ces", Map.of("threadId", solved, "score", 5)).expectStatus().isForbidden();
		post(as(asker), "/api/v1/surveys/ces", Map.of("threadId", solved, "score", 8)).expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		post(as(asker), "/api/v1/surveys/nps", Map.of("score", 11)).expectStatus().isBadRequest();
		this.http.post().uri("/api/v1/surveys/nps").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("score", 5)).exchange().expectStatus().isUnauthorized();
	}

	private String solved(TestUser asker, String title) {
		String threadId = as(asker).post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", title, "body", "Details of " + title, "area", this.area)).exchange()
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
		String answerId = answer(asMember(), threadId, "Reinstall the driver from the vendor's site, then restart.");
		accept(as(asker), threadId, answerId).expectStatus().isOk();
		return threadId;
	}

	private static WebTestClient.ResponseSpec post(WebTestClient client, String uri, Map<String, Object> body) {
		return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	@SuppressWarnings("unchecked")
	private static org.assertj.core.api.MapAssert<String, Object> due(WebTestClient client, String threadId) {
		return assertThat((Map<String, Object>) client.get().uri("/api/v1/surveys/due?threadId={id}", threadId)
			.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
	}

}
