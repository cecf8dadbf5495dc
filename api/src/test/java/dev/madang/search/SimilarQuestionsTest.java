package dev.madang.search;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.BrowserSession;
import dev.madang.support.TestUsers;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import static dev.madang.support.QaSteps.ask;
import static org.assertj.core.api.Assertions.assertThat;

class SimilarQuestionsTest extends ApiIntegrationTest {

	@Test
	void questionsLikeATitleShowWhileAskingAndAsPossibleDuplicates() {
		String original = ask(asMember(), "Wobbletron headset keeps disconnecting from Bluetooth");
		String duplicate = ask(asMember(), "Wobbletron headset disconnects from bluetooth every hour");
		String unrelated = ask(asMember(), "Wobbletron invoice shows the wrong address");

		eventually(Duration.ofSeconds(20), () -> assertThat(similarTo(duplicate)).contains(original)
			.doesNotContain(duplicate, unrelated));

		TestUser member = user();
		BrowserSession browser = new BrowserSession(this.http);
		browser.signIn(member.email(), TestUsers.PASSWORD);
		String panel = browser.get("/ask/similar?title=wobbletron headset disconnecting").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(panel).startsWith("<section").contains("/t/" + original, "/t/" + duplicate)
			.doesNotContain("/t/" + unrelated, "<html");
		assertThat(browser.get("/ask/similar?title=").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody()).doesNotContain("<li");
	}

	@SuppressWarnings("unchecked")
	private List<String> similarTo(String threadId) {
		return this.http.get().uri("/api/v1/threads/{id}/similar", threadId).exchange().expectStatus().isOk()
			.expectBodyList(Map.class).returnResult().getResponseBody().stream()
			.map((hit) -> (String) ((Map<String, Object>) hit).get("id")).toList();
	}

}
