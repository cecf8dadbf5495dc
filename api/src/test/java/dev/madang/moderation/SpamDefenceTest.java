package dev.madang.moderation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.madang.support.QaSteps.listedIds;
import static dev.madang.support.QaSteps.searchIds;
import static org.assertj.core.api.Assertions.assertThat;

/** The spam defence with its real defaults: test members count as new members here. */
class SpamDefenceTest extends ApiIntegrationTest {

	@DynamicPropertySource
	static void newMembersAreNew(DynamicPropertyRegistry registry) {
		registry.add("madang.moderation.new-members.period", () -> "1d");
	}

	@Test
	void aHeldSpamPostNeverAppearsInListsOrSearchUntilApproved() {
		TestUser spammer = user();
		String threadId = asked(as(spammer), "Qwuxian watches buy now", "Cheap watches at https://spam.example.test/");
		as(spammer).get().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.hold.cause").isEqualTo("held");
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isNotFound();
		assertThat(listedIds(this.http)).doesNotContain(threadId);

		TestUser moderator = user(Role.MODERATOR);
		String itemId = eventuallyItem(moderator, "held", threadId);
		assertThat(searchIds(this.http, "qwuxian")).doesNotContain(threadId);
		as(moderator).post().uri("/api/v1/review/{id}/decision", itemId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("outcome", "approve")).exchange().expectStatus().isOk();
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isOk();
		assertThat(listedIds(this.http)).contains(threadId);
		eventually(Duration.ofSeconds(20), () -> assertThat(searchIds(this.http, "qwuxian")).contains(threadId));
	}

	@Test
	void newMembersMeetTheirLimitsWithClearProblems() {
		TestUser newcomer = user();
		as(newcomer).post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Three links", "body", "https://a.test https://b.test https://c.test")).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo("/problems/too-many-links");
		String first = asked(as(newcomer), "My first question here", "How do I reset the device?");
		as(newcomer).post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "My second question", "body", "Straight after the first.")).exchange()
			.expectStatus().isEqualTo(429)
			.expectHeader().exists("Retry-After")
			.expectBody().jsonPath("$.type").isEqualTo("/problems/posting-too-fast");
		eventuallyItem(user(Role.MODERATOR), "first-post", first);
		as(user(Role.MODERATOR)).post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Staff post many links", "body", "https://a.test https://b.test https://c.test"))
			.exchange().expectStatus().isCreated();
	}

	@Test
	void aNewMembersQuestionSentTheMomentTheAskFormOpenedIsHeld() {
		TestUser newcomer = user();
		dev.madang.support.BrowserSession session = new dev.madang.support.BrowserSession(this.http);
		session.signIn(newcomer.email(), dev.madang.support.TestUsers.PASSWORD);
		String opened = java.util.regex.Pattern.compile("name=\"openedAt\" value=\"(\\d+)\"").matcher(session.page("/ask"))
			.results().findFirst().orElseThrow().group(1);
		String location = dev.madang.support.BrowserSession.location(session.submit("/ask", "/ask",
				dev.madang.support.BrowserSession.form("title", "Where is the serial number printed", "body",
						"On the box or the device?", "tags", "", "openedAt", opened)));
		String threadId = location.split("/")[2];
		as(newcomer).get().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.hold.reason").value((String reason) -> assertThat(reason).contains("fast-submit"));
	}

	private String asked(WebTestClient client, String title, String body) {
		return client.post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", title, "body", body)).exchange().expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
	}

	@SuppressWarnings("unchecked")
	private String eventuallyItem(TestUser moderator, String kind, String subject) {
		String[] found = new String[1];
		eventually(Duration.ofSeconds(20), () -> {
			Map<String, Object> page = as(moderator).get().uri("/api/v1/review?kind={k}&subject={s}", kind, subject)
				.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
			List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
			assertThat(items).hasSize(1);
			found[0] = (String) items.get(0).get("id");
		});
		return found[0];
	}

}
