package dev.madang.notification;

import java.time.Duration;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.madang.support.QaSteps.answer;
import static dev.madang.support.QaSteps.ask;
import static org.assertj.core.api.Assertions.assertThat;

/** The inbox page and the header's unread count, in English and Korean. */
class InboxPageTest extends ApiIntegrationTest {

	@Test
	void theHeaderCountsUnreadNotificationsAndTheInboxLinksTheAnswer() {
		TestUser asker = userWithReputation(1);
		String threadId = ask(as(asker), "Blender lid will not lock");
		String answerId = answer(asMember(), threadId, "Turn it until the arrow meets the dot.");
		eventually(Duration.ofSeconds(20), () -> assertThat(page("/?lang=en", as(asker))).contains("Inbox (1)"));

		String inbox = page("/notifications?lang=en", as(asker));
		assertThat(inbox).contains("A new answer on", "Blender lid will not lock", "#answer-" + answerId);
		assertThat(page("/notifications?lang=ko", as(asker))).contains("새 답변 1개:");

		as(asker).post().uri("/notifications/read-all").exchange().expectStatus().is3xxRedirection();
		assertThat(page("/?lang=en", as(asker))).doesNotContain("Inbox (1)").contains("id=\"nav-inbox\"");
	}

	@Test
	void aSuspensionIsInTheInboxAndSettingsAndTheOutboxPagesShowInBothLanguages() {
		TestUser member = userWithReputation(1);
		as(user(dev.madang.identity.Role.MODERATOR)).put().uri("/api/v1/moderation/members/{id}/restriction", member.id())
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(java.util.Map.of("kind", "suspended", "days", 1, "reason", "Spam links")).exchange()
			.expectStatus().isOk();
		eventually(Duration.ofSeconds(20), () -> assertThat(page("/notifications?lang=en", as(member)))
			.contains("Your account was suspended", "Spam links"));
		assertThat(page("/notifications?lang=ko", as(member))).contains("계정이 정지되었습니다");

		TestUser reader = userWithReputation(1);
		assertThat(page("/notifications/settings?lang=ko", as(reader))).contains("알림 설정", "매일 요약");
		as(reader).post().uri("/notifications/settings").contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("kind.answer=weekly&kind.mention=off").exchange().expectStatus().is3xxRedirection();
		assertThat(page("/notifications/settings?lang=en", as(reader))).contains("<option value=\"weekly\" selected=\"selected\">");
		as(reader).get().uri("/api/v1/notifications/preferences").exchange().expectBody()
			.jsonPath("$.answer").isEqualTo("weekly").jsonPath("$.mention").isEqualTo("off");
		as(reader).put().uri("/api/v1/notifications/preferences").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(java.util.Map.of("answer", "sometimes")).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("/problems/unknown-delivery");

		// Without SMTP settings (this application has none) emails are kept for the admins' outbox page.
		assertThat(page("/admin/mail?lang=en", as(user(dev.madang.identity.Role.ADMIN)))).contains("Mail outbox",
				"madang.mail.host");
		assertThat(page("/admin/webhooks?lang=ko", as(user(dev.madang.identity.Role.ADMIN)))).contains("새 웹훅");
	}

	private static String page(String path, WebTestClient client) {
		return client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();
	}

}
