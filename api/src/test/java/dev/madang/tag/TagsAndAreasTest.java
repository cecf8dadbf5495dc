package dev.madang.tag;

import java.util.List;
import java.util.Map;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.BrowserSession;
import dev.madang.support.TestUsers;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.madang.support.BrowserSession.form;
import static dev.madang.support.ThreadSamples.question;
import static org.assertj.core.api.Assertions.assertThat;

/** Tags are created only by members with the privilege; product areas are a list staff keep. */
class TagsAndAreasTest extends ApiIntegrationTest {

	@Test
	void newTagsNeedReputationButExistingOnesAreFreeToUse() {
		start(as(userWithReputation(1)), question("Refund pending", "Body", "refund-x1")).expectStatus().isForbidden()
			.expectBody()
			.jsonPath("$.type").isEqualTo("/problems/new-tag-needs-reputation")
			.jsonPath("$.newTags[0]").isEqualTo("refund-x1")
			.jsonPath("$.requiredReputation").isEqualTo(300);
		assertThat(storedTitles()).doesNotContain("Refund pending");

		start(as(userWithReputation(300)), question("Refund pending", "Body", "refund-x1", "Billing-X1"))
			.expectStatus().isCreated().expectBody().jsonPath("$.tags[1]").isEqualTo("billing-x1");
		start(as(userWithReputation(1)), question("Refund still pending", "Body", "refund-x1"))
			.expectStatus().isCreated();
		start(as(user(Role.MODERATOR)), question("Staff tag", "Body", "moderated-x1")).expectStatus().isCreated();

		this.http.get().uri("/api/v1/tags?prefix=refund-x").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$[0]").isEqualTo("refund-x1").jsonPath("$.length()").isEqualTo(1);
	}

	@Test
	void theAskPageExplainsWhichTagsAreNew() {
		TestUser member = userWithReputation(1);
		BrowserSession browser = new BrowserSession(this.http.mutate().defaultHeader(HttpHeaders.ACCEPT_LANGUAGE, "ko").build());
		browser.signIn(member.email(), TestUsers.PASSWORD);
		String page = browser.submit("/ask", "/ask", form("title", "환불이 안 돼요", "body", "결제 취소 후 환불이 없어요.",
				"tags", "brand-new-tag-x2"))
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("새 태그(brand-new-tag-x2)를 만들려면 평판 300이 필요합니다.");
	}

	@Test
	void staffKeepTheAreasAndQuestionsAreListedByArea() {
		TestUser staff = user(Role.STAFF);
		as(staff).post().uri("/api/v1/areas").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", "billing-a1", "name", "Billing", "nameKo", "결제")).exchange()
			.expectStatus().isCreated();
		as(staff).post().uri("/api/v1/areas").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", "billing-a1", "name", "Billing again")).exchange()
			.expectStatus().isEqualTo(409);
		as(staff).post().uri("/api/v1/areas").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", "Not A Slug", "name", "x")).exchange().expectStatus().isBadRequest();
		asMember().post().uri("/api/v1/areas").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", "mobile-a1", "name", "Mobile")).exchange().expectStatus().isForbidden();

		WebTestClient member = asMember();
		String billed = id(start(member, Map.of("title", "Charged twice", "body", "Twice!", "area", "billing-a1")));
		String other = id(start(member, question("Unfiled question", "No area")));
		start(member, Map.of("title", "Wrong area", "body", "?", "area", "no-such-area")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("/problems/unknown-area");

		List<String> inArea = ids(this.http.get().uri("/api/v1/threads?area=billing-a1").exchange());
		assertThat(inArea).contains(billed).doesNotContain(other);
		String page = this.http.get().uri("/questions?area=billing-a1").header(HttpHeaders.ACCEPT_LANGUAGE, "ko")
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("Charged twice", ">결제<").doesNotContain("Unfiled question");

		as(staff).put().uri("/api/v1/areas/billing-a1").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", "billing-a1", "name", "Billing", "archived", true)).exchange().expectStatus().isOk();
		start(member, Map.of("title", "Too late", "body", "?", "area", "billing-a1")).expectStatus().isBadRequest();
		this.http.get().uri("/api/v1/areas").exchange().expectBody()
			.jsonPath("$[?(@.slug == 'billing-a1')]").doesNotExist();
		this.http.get().uri("/api/v1/threads/{id}", billed).exchange().expectBody().jsonPath("$.area").isEqualTo("billing-a1");
	}

	@Test
	void staffManageAreasFromTheirPage() {
		TestUser staff = user(Role.STAFF);
		BrowserSession browser = new BrowserSession(this.http);
		browser.signIn(staff.email(), TestUsers.PASSWORD);
		BrowserSession.location(browser.submit("/admin/areas", "/admin/areas",
				form("slug", "mobile-a2", "name", "Mobile app", "nameKo", "모바일 앱")));
		assertThat(browser.page("/admin/areas")).contains("id=\"area-mobile-a2\"", "value=\"모바일 앱\"");
		BrowserSession.location(browser.submit("/admin/areas", "/admin/areas/mobile-a2",
				form("name", "Mobile apps", "nameKo", "모바일 앱", "archived", "true")));
		this.http.get().uri("/api/v1/areas?archived=true").exchange().expectBody()
			.jsonPath("$[?(@.slug == 'mobile-a2')].name").isEqualTo("Mobile apps")
			.jsonPath("$[?(@.slug == 'mobile-a2')].archived").isEqualTo(true);
	}

	private WebTestClient.ResponseSpec start(WebTestClient client, Map<String, Object> body) {
		return client.post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private static String id(WebTestClient.ResponseSpec response) {
		return response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
	}

	@SuppressWarnings("unchecked")
	private static List<String> ids(WebTestClient.ResponseSpec response) {
		Map<String, Object> page = response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		return ((List<Map<String, Object>>) page.get("items")).stream().map((item) -> (String) item.get("id")).toList();
	}

	private List<String> storedTitles() {
		return this.mongo.findAll(org.bson.Document.class, "threads").map((doc) -> doc.getString("title"))
			.collectList().block();
	}

}
