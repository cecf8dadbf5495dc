package dev.madang.thread;

import java.time.Duration;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.madang.support.QaSteps.ask;

class ViewCountTest extends ApiIntegrationTest {

	@Autowired
	private ViewCounter views;

	@Test
	void eachViewerCountsOncePerQuestionAndCountsAreSavedInBatches() {
		TestUser asker = user();
		String threadId = ask(as(asker), "How many views");
		String page = "/t/" + threadId + "/how-many-views";
		for (int i = 0; i < 3; i++) {
			this.http.get().uri(page).exchange().expectStatus().isOk();
		}
		as(user()).get().uri(page).exchange().expectStatus().isOk();
		as(asker).get().uri(page).exchange().expectStatus().isOk();
		this.http.get().uri("/t/{id}/wrong-slug", threadId).exchange().expectStatus().is3xxRedirection();

		this.views.flush().block(Duration.ofSeconds(10));
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectBody().jsonPath("$.viewCount").isEqualTo(3);
		this.http.get().uri(page).exchange().expectBody(String.class)
			.value((html) -> org.assertj.core.api.Assertions.assertThat(html).contains("viewed 3 times"));
	}

}
