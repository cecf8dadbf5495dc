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
		// The duplicate itself may not be searchable yet (the check above excluded it), so this waits too.
		eventually(Duration.ofSeconds(20), () -> {
			String panel = browser.get("/ask/similar?title=wobbletron headset disconnecting").exchange()
				.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
			assertThat(panel).startsWith("<section").contains("/t/" + original, "/t/" + duplicate)
				.doesNotContain("/t/" + unrelated, "<html");
		});
		assertThat(browser.get("/ask/similar?title=").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody()).doesNotContain("<li");
	}

	@Test
	void moderatorsSeePossibleDuplicatesUnderAQuestion() {
		String original = ask(asMember(), "Quibblefax printer prints blank pages");
		String duplicate = ask(asMember(), "Quibblefax printer prints only blank pages after update");
		String unrelated = ask(asMember(), "Quibblefax subscription renewal date");
		TestUser moderator = user(dev.madang.identity.Role.MODERATOR);
		BrowserSession moderating = new BrowserSession(this.http);
		moderating.signIn(moderator.email(), TestUsers.PASSWORD);

		String page = BrowserSession.location(this.http.get().uri("/t/{id}", duplicate).exchange());
		assertThat(moderating.page(page)).contains("id=\"possible-duplicates\"",
				"hx-get=\"/t/" + duplicate + "/duplicates\"");
		eventually(Duration.ofSeconds(20), () -> assertThat(moderating.page("/t/" + duplicate + "/duplicates"))
			.startsWith("<section").contains("/t/" + original).doesNotContain("/t/" + unrelated, "/t/" + duplicate + "\""));

		TestUser member = user();
		BrowserSession reading = new BrowserSession(this.http);
		reading.signIn(member.email(), TestUsers.PASSWORD);
		assertThat(reading.page(page)).doesNotContain("possible-duplicates");
		reading.get("/t/" + duplicate + "/duplicates").exchange().expectStatus().isForbidden();
	}

	@SuppressWarnings("unchecked")
	private List<String> similarTo(String threadId) {
		return this.http.get().uri("/api/v1/threads/{id}/similar", threadId).exchange().expectStatus().isOk()
			.expectBodyList(Map.class).returnResult().getResponseBody().stream()
			.map((hit) -> (String) ((Map<String, Object>) hit).get("id")).toList();
	}

}
