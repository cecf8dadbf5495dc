package dev.madang.insight;

import java.util.List;
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

/** The insights API and page as owners use them, and what they refuse. */
class InsightApiTest extends ApiIntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	private dev.madang.thread.ThreadImports imports;

	@org.springframework.beans.factory.annotation.Autowired
	private dev.madang.events.Outbox outbox;

	private final String area = "ia-" + UUID.randomUUID().toString().substring(0, 6);

	@Test
	@SuppressWarnings("unchecked")
	void aQuestionAnsweredByStaffAndAcceptedShowsInTheFiguresAndOnTheDashboardInBothLanguages() {
		WebTestClient staff = as(user(Role.STAFF));
		staff.post().uri("/api/v1/areas").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", this.area, "name", "Billing", "nameKo", "결제")).exchange().expectStatus().isCreated();
		TestUser asker = user();
		String threadId = as(asker).post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Invoice shows the wrong currency", "body", "My invoice is in USD, not KRW.",
					"area", this.area))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")
			.toString();
		// Letters only: the Korean tokenizer splits digits off, and "86" finds plenty in the suite's questions.
		String searched = "zqxj" + this.area.substring(3).chars().map((c) -> Character.isDigit(c) ? 'g' + (c - '0') : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
		// Only this test's searches: the period starts now (other tests searched for things that found nothing too).
		String since = java.time.Instant.now().minusSeconds(1).toString();
		this.http.get().uri("/search?q={q}", searched).exchange().expectStatus().isOk();
		this.http.get().uri("/t/{id}?sq={q}", threadId, searched).exchange().expectStatus().is3xxRedirection();
		String answerId = answer(staff, threadId, "Change the billing country under Settings, then download it again.");
		accept(as(asker), threadId, answerId).expectStatus().isOk();

		eventually(java.time.Duration.ofSeconds(30), () -> {
			Map<String, Object> total = (Map<String, Object>) overview(staff).get("total");
			assertThat(total).containsEntry("solved", 1).containsEntry("resolutionRate", 1.0);
			assertThat(total).extracting("staffResponse").extracting("had").isEqualTo(1);
			assertThat(total).extracting("communityResponse").extracting("had").isEqualTo(0);
		});
		// Search counts are recorded every second here (every 10 by default).
		eventually(java.time.Duration.ofSeconds(30), () -> {
			Map<String, Object> readers = (Map<String, Object>) staff.get()
				.uri((uri) -> uri.path("/api/v1/insights/overview").queryParam("from", since).build()).exchange()
				.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("selfService");
			assertThat((List<Map<String, Object>>) readers.get("topSearchesWithoutResults")).extracting("query")
				.contains(searched);
			assertThat(((Number) readers.get("clicks")).longValue()).isPositive();
		});
		Map<String, Object> overview = overview(staff);
		assertThat((List<Map<String, Object>>) overview.get("areas")).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("area", this.area).containsEntry("name", "Billing"));

		String english = staff.get().uri("/insights?area={area}", this.area).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(english).contains("Most painful product areas", "Billing", "100 %", "/api/v1/insights/export/areas.csv");
		String korean = staff.get().uri("/insights?area={area}&lang=ko", this.area).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(korean).contains("불편이 가장 큰 제품 영역", "결제", "해결률");
	}

	@Test
	void badPeriodsUnknownAreasAndNonStaffCallersGetProblems() {
		WebTestClient staff = as(user(Role.STAFF));
		problem(staff, "/api/v1/insights/overview?from=2026-11-10&to=2026-11-01", 400, "invalid-period");
		problem(staff, "/api/v1/insights/overview?from=2019-01-01&to=2026-01-01", 400, "period-too-long");
		problem(staff, "/api/v1/insights/overview?from=yesterday", 400, "invalid-period");
		problem(staff, "/api/v1/insights/overview?area=no-such-area-x", 400, "unknown-area");
		problem(staff, "/api/v1/insights/export/everything.csv", 404, "unknown-table");
		problem(as(user(Role.MODERATOR)), "/api/v1/insights/overview", 403, null);
		problem(asMember(), "/api/v1/insights/overview", 403, null);
		this.http.get().uri("/api/v1/insights/overview").exchange().expectStatus().isUnauthorized();
		// The page explains a bad period in the reader's language instead of failing.
		String page = staff.get().uri("/insights?from=2026-11-10&to=2026-11-01&lang=ko")
			.accept(MediaType.TEXT_HTML).exchange().expectStatus().isBadRequest()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("시작일이 종료일보다 앞서야 합니다");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aWordAndATagRisingThisWeekAreEmergingTopicsWithTheirQuestions() {
		String run = this.area.substring(3);
		String tag = "overheat-" + run;
		existingTags(tag);
		// In an area of their own: the rest of the suite's questions are all from this week too.
		WebTestClient staff = as(user(Role.STAFF));
		staff.post().uri("/api/v1/areas").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", this.area, "name", "Devices", "nameKo", "기기")).exchange().expectStatus().isCreated();
		// The month before: questions about other things.
		for (int i = 0; i < 6; i++) {
			this.imports.question(new dev.madang.thread.QuestionImport("test:emerging:" + run + ":" + i,
					"Battery lasts a day " + i, "The battery is fine but I would like it to last longer.", "markdown",
					List.of(), user().id(), 0, null, java.time.Instant.now().minus(java.time.Duration.ofDays(10 + 3 * i)),
					java.time.Instant.now().minus(java.time.Duration.ofDays(10)))).block(java.time.Duration.ofSeconds(10));
		}
		String keys = "^test:emerging:" + run + ":";
		this.imports.fileUnder(keys, this.area).block(java.time.Duration.ofSeconds(10));
		// As an import announces its end: the indexer then sweeps the questions filed under the area.
		this.outbox.publish(dev.madang.events.DomainEvent.of(dev.madang.events.EventType.QUESTIONS_IMPORTED,
				"test:" + run, null, null, java.time.Instant.now(), "site", "test", "area", this.area, "importKeyPattern",
				keys)).block(java.time.Duration.ofSeconds(10));
		WebTestClient asker = asMember();
		List<String> rising = new java.util.ArrayList<>();
		for (String title : List.of("Glimmerfrost gets hot while charging (%s)", "Glimmerfrost fan is loud and hot (%s)",
				"My glimmerfrost shuts down when hot (%s)")) {
			rising.add(asker.post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("title", title.formatted(run), "body", "It overheats after ten minutes of use.",
						"tags", List.of(tag), "area", this.area))
				.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")
				.toString());
		}
		eventually(java.time.Duration.ofSeconds(30), () -> {
			Map<String, Object> emerging = (Map<String, Object>) staff.get()
				.uri("/api/v1/insights/overview?area={area}", this.area).exchange()
				.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("emerging");
			List<Map<String, Object>> terms = (List<Map<String, Object>>) emerging.get("terms");
			assertThat(terms).anySatisfy((term) -> {
				// The words the three questions share and the month before lacks: "glimmerfrost" and "hot".
				assertThat(term.get("key").toString()).isIn("glimmerfrost", "hot");
				assertThat(term).containsEntry("recent", 3);
				assertThat((List<Map<String, Object>>) term.get("examples")).extracting("id")
					.containsExactlyInAnyOrderElementsOf(rising);
			});
			assertThat((List<Map<String, Object>>) emerging.get("tags")).extracting("key").contains(tag);
		});
	}

	private static void problem(WebTestClient client, String uri, int status, String slug) {
		WebTestClient.BodyContentSpec body = client.get().uri(uri).accept(MediaType.APPLICATION_JSON).exchange()
			.expectStatus().isEqualTo(status)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody();
		if (slug != null) {
			body.jsonPath("$.type").value((type) -> assertThat(type.toString()).endsWith("/problems/" + slug));
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> overview(WebTestClient staff) {
		return staff.get().uri("/api/v1/insights/overview?area={area}", this.area).exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
	}

}
