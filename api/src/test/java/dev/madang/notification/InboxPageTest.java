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

	private static String page(String path, WebTestClient client) {
		return client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();
	}

}
