package dev.madang.knowledge;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.QaSteps;
import dev.madang.support.TestUsers.TestUser;
import dev.madang.thread.Slugs;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.madang.support.QaSteps.accept;
import static dev.madang.support.QaSteps.answer;
import static dev.madang.support.QaSteps.ask;
import static dev.madang.support.QaSteps.reputation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base through the HTTP API: a solved thread promoted by staff, edited, reviewed, published, found first
 * by an anonymous Korean search, rated once per reader, flagged when its source answer changes, versioned, translated
 * and archived.
 */
class KnowledgeBaseApiTest extends ApiIntegrationTest {

	private static final String QUESTION = "앱 알림이 오지 않을 때 어떻게 해야 하나요?";

	@Test
	void promoteEditPublishFindFlagAndVersion() {
		TestUser asker = user();
		TestUser helper = user();
		TestUser staff = user(Role.STAFF);
		String threadId = ask(as(asker), QUESTION);
		String answerId = answer(as(helper), threadId, "설정 → 알림에서 마당 앱의 알림을 켜고, 절전 모드를 끄세요.");
		accept(as(asker), threadId, answerId).expectStatus().isOk();
		int helperBefore = reputation(this.http, helper.id());

		Map<String, Object> draft = promote(as(staff), threadId, null).expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody();
		String id = (String) draft.get("id");
		assertThat(draft).containsEntry("status", "draft").containsEntry("locale", "ko")
			.containsEntry("title", "앱 알림이 오지 않을 때 어떻게 해야 하나요?")
			.containsEntry("credits", List.of(helper.id()));
		assertThat((String) draft.get("body")).contains("절전 모드");
		// The thread links its article; unpublished, readers see neither the article nor its link.
		this.http.get().uri("/api/v1/articles/{id}", id).exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.get().uri("/api/v1/threads/{id}/articles", threadId).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$").isEmpty();
		as(staff).get().uri("/api/v1/threads/{id}/articles", threadId).exchange().expectBody()
			.jsonPath("$[0].id").isEqualTo(id);
		assertThat(this.http.get().uri("/t/{id}/{slug}", threadId, Slugs.of(QUESTION)).exchange().expectBody(String.class).returnResult()
			.getResponseBody()).doesNotContain("/kb/" + id);

		as(staff).put().uri("/api/v1/articles/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "앱 알림이 오지 않을 때", "body", "1. 설정 → 알림에서 마당 앱의 알림을 켭니다.\n2. 절전 모드를 끕니다.",
					"baseRevision", 1))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.revision").isEqualTo(2);
		// A save from the revision before is refused rather than overwriting.
		as(staff).put().uri("/api/v1/articles/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "stale", "body", "stale", "baseRevision", 1))
			.exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("/problems/edit-conflict");
		as(staff).post().uri("/api/v1/articles/{id}/submit", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("in-review");
		as(staff).post().uri("/api/v1/articles/{id}/publish", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("published").jsonPath("$.published.number").isEqualTo(1);
		assertThat(reputation(this.http, helper.id())).as("the credited author's reputation")
			.isEqualTo(helperBefore + 25);

		this.http.get().uri("/api/v1/articles/{id}", id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.title").isEqualTo("앱 알림이 오지 않을 때").jsonPath("$.revision").doesNotExist();
		this.http.get().uri("/api/v1/threads/{id}/articles", threadId).exchange().expectBody()
			.jsonPath("$[0].id").isEqualTo(id).jsonPath("$[0].path").value((String path) -> assertThat(path)
				.startsWith("/kb/" + id + "/"));
		// An anonymous customer asking in other words finds the article first, labelled apart from the questions.
		eventually(Duration.ofSeconds(20), () -> this.http.get().uri("/api/v1/search?q={q}", "알림이 안 와요")
			.exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.articles[0].id").isEqualTo(id)
			.jsonPath("$.articles[0].kind").isEqualTo("article")
			.jsonPath("$.hits[*].id").value((List<String> ids) -> assertThat(ids).doesNotContain(id)));
		assertThat(this.http.get().uri("/t/{id}/{slug}", threadId, Slugs.of(QUESTION)).exchange().expectBody(String.class).returnResult()
			.getResponseBody()).contains("/kb/" + id + "/");

		String english = (String) as(staff).post().uri("/api/v1/articles/{id}/translations", id)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("locale", "en")).exchange()
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

		// The helper improves the answer: the article and its translation are flagged for staff, who review them.
		as(helper).put().uri("/api/v1/threads/{t}/answers/{a}", threadId, answerId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("body", "설정 → 알림에서 알림을 켜고, 절전 모드와 방해 금지 모드를 끄세요.")).exchange()
			.expectStatus().isOk();
		eventually(Duration.ofSeconds(10), () -> as(staff).get().uri("/api/v1/articles/{id}", id).exchange()
			.expectBody().jsonPath("$.sourceChanged").isEqualTo(true));
		eventually(Duration.ofSeconds(10), () -> as(staff).get().uri("/api/v1/articles/{id}", english).exchange()
			.expectBody().jsonPath("$.sourceChanged").isEqualTo(true));
		as(staff).get().uri("/api/v1/articles?sourceChanged=true").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[*].id").value((List<String> ids) -> assertThat(ids).contains(id));

		// A second version, the difference between them, and the first restored as the working copy.
		as(staff).put().uri("/api/v1/articles/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "앱 알림이 오지 않을 때", "body",
					"1. 설정 → 알림에서 마당 앱의 알림을 켭니다.\n2. 절전 모드와 방해 금지 모드를 끕니다."))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("draft");
		this.http.get().uri("/api/v1/articles/{id}", id).exchange().expectBody()
			.jsonPath("$.bodyHtml").value((String html) -> assertThat(html).doesNotContain("방해 금지"));
		as(staff).post().uri("/api/v1/articles/{id}/publish", id).exchange().expectStatus().isOk();
		as(staff).post().uri("/api/v1/articles/{id}/source-reviewed", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.sourceChanged").isEqualTo(false);
		as(staff).get().uri("/api/v1/articles/{id}/versions", id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[*].number").isEqualTo(List.of(2, 1));
		as(staff).get().uri("/api/v1/articles/{id}/diff?from=1&to=2", id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.lines[?(@.kind == 'added')].text").isEqualTo(List.of("2. 절전 모드와 방해 금지 모드를 끕니다."))
			.jsonPath("$.lines[?(@.kind == 'removed')].text").isEqualTo(List.of("2. 절전 모드를 끕니다."));
		as(staff).post().uri("/api/v1/articles/{id}/versions/1/restore", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("draft").jsonPath("$.body")
			.isEqualTo("1. 설정 → 알림에서 마당 앱의 알림을 켭니다.\n2. 절전 모드를 끕니다.");
		this.http.get().uri("/api/v1/articles/{id}", id).exchange().expectBody()
			.jsonPath("$.published.number").isEqualTo(2);
		// Versions are for staff.
		this.http.get().uri("/api/v1/articles/{id}/versions", id).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void promotionRulesTranslationsAndArchiving() {
		TestUser asker = user();
		TestUser staff = user(Role.STAFF);
		String unsolved = ask(as(asker), "Export to CSV misses the last row");
		promote(as(staff), unsolved, null).expectStatus().isEqualTo(409).expectBody().jsonPath("$.type")
			.isEqualTo("/problems/thread-not-solved");
		String threadId = solvedThread(asker, "Export to CSV drops the header row");
		promote(asMember(), threadId, null).expectStatus().isForbidden();
		promote(as(user(Role.MODERATOR)), threadId, null).expectStatus().isForbidden();
		String id = (String) promote(as(staff), threadId, "en").expectStatus().isCreated().expectBody(Map.class)
			.returnResult().getResponseBody().get("id");
		promote(as(staff), threadId, "en").expectStatus().isEqualTo(409).expectBody().jsonPath("$.type")
			.isEqualTo("/problems/already-promoted");

		String korean = (String) as(staff).post().uri("/api/v1/articles/{id}/translations", id)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("locale", "ko")).exchange()
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
		as(staff).get().uri("/api/v1/articles/{id}", id).exchange().expectBody()
			.jsonPath("$.translations.ko").isEqualTo(korean).jsonPath("$.translations.en").isEqualTo(id);
		as(staff).get().uri("/api/v1/articles/{id}", korean).exchange().expectBody()
			.jsonPath("$.locale").isEqualTo("ko").jsonPath("$.translations.en").isEqualTo(id);

		as(staff).post().uri("/api/v1/articles/{id}/publish", id).exchange().expectStatus().isOk();
		eventually(Duration.ofSeconds(20), () -> this.http.get().uri("/api/v1/search?q={q}", "header row export")
			.exchange().expectBody().jsonPath("$.articles[*].id").value((List<String> ids) -> assertThat(ids).contains(id)));
		assertThat(this.http.get().uri("/sitemap.xml").exchange().expectStatus().isOk().expectBody(String.class)
			.returnResult().getResponseBody()).contains("/kb/" + id + "/export-to-csv-drops-the-header-row</loc>")
			.contains("/t/" + threadId + "/");
		String page = this.http.get().uri("/kb/{id}/export-to-csv-drops-the-header-row", id).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("application/ld+json").contains("\"@type\":\"FAQPage\"")
			.contains("\"name\":\"Export to CSV drops the header row\"");

		as(staff).post().uri("/api/v1/articles/{id}/archive", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("archived");
		this.http.get().uri("/api/v1/articles/{id}", id).exchange().expectStatus().isNotFound();
		eventually(Duration.ofSeconds(20), () -> this.http.get().uri("/api/v1/search?q={q}", "header row export")
			.exchange().expectBody().jsonPath("$.articles[*].id").value((List<String> ids) -> assertThat(ids).doesNotContain(id)));
	}

	@Test
	void eachReaderRatesOnceAndDeflectionsAreRecorded() {
		String id = publishedArticle("Invoices show the wrong company name");
		var first = this.http.put().uri("/api/v1/articles/{id}/feedback", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("helpful", true)).exchange().expectStatus().isOk();
		ResponseCookie browser = first.returnResult(Map.class).getResponseCookies().getFirst(Readers.COOKIE);
		assertThat(browser).isNotNull();
		rate(this.http.mutate().defaultCookie(Readers.COOKIE, browser.getValue()).build(), id, true)
			.jsonPath("$.helpful").isEqualTo(1).jsonPath("$.notHelpful").isEqualTo(0);
		rate(this.http.mutate().defaultCookie(Readers.COOKIE, browser.getValue()).build(), id, false)
			.jsonPath("$.helpful").isEqualTo(0).jsonPath("$.notHelpful").isEqualTo(1);
		rate(this.http, id, true).jsonPath("$.helpful").isEqualTo(1);
		TestUser member = user();
		rate(as(member), id, true).jsonPath("$.helpful").isEqualTo(2);
		rate(as(member), id, true).jsonPath("$.helpful").isEqualTo(2).jsonPath("$.notHelpful").isEqualTo(1);
		this.http.put().uri("/api/v1/articles/{id}/feedback", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("comment", "no answer given")).exchange().expectStatus().isBadRequest();

		this.http.post().uri("/api/v1/articles/{id}/deflections", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("where", "search", "query", "wrong company on invoice")).exchange()
			.expectStatus().isNoContent();
		this.http.post().uri("/api/v1/articles/{id}/deflections", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("where", "elsewhere")).exchange().expectStatus().isBadRequest();
		assertThat(this.mongo.count(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("articleId").is(id)), Deflections.COLLECTION)
			.block()).isEqualTo(1);
	}

	@Test
	void anArticleSharingOneWordWithTheSearchIsNotShownAsItsAnswer() {
		String article = publishedArticle("Invoices show the wrong company name");
		String question = ask(asMember(), "Password reset email never arrives in my inbox");
		eventually(Duration.ofSeconds(20), () -> this.http.get().uri("/api/v1/search?q={q}", "company name invoices")
			.exchange().expectBody().jsonPath("$.articles[*].id").value((List<String> ids) -> assertThat(ids).contains(article)));
		eventually(Duration.ofSeconds(20), () -> this.http.get().uri("/api/v1/search?q={q}", "wrong password reset email")
			.exchange().expectBody()
			.jsonPath("$.hits[0].id").isEqualTo(question)
			.jsonPath("$.articles[*].id").value((List<String> ids) -> assertThat(ids).doesNotContain(article)));
	}

	private WebTestClient.BodyContentSpec rate(WebTestClient client, String id, boolean helpful) {
		return client.put().uri("/api/v1/articles/{id}/feedback", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("helpful", helpful)).exchange().expectStatus().isOk().expectBody();
	}

	private String publishedArticle(String title) {
		WebTestClient staff = as(user(Role.STAFF));
		String id = QaSteps.promote(staff, solvedThread(user(), title), "en");
		QaSteps.publish(staff, id);
		return id;
	}

	private String solvedThread(TestUser asker, String title) {
		return QaSteps.solvedThread(as(asker), asMember(), title);
	}

	private static WebTestClient.ResponseSpec promote(WebTestClient client, String threadId, String locale) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("threadId", threadId);
		if (locale != null) {
			body.put("locale", locale);
		}
		return client.post().uri("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

}
