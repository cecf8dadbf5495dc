package dev.madang.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.Browser;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

import static dev.madang.support.Browser.await;
import static dev.madang.support.Browser.clickAndLoad;
import static dev.madang.support.Browser.signIn;
import static dev.madang.support.QaSteps.ask;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A moderator clears a mixed queue in the browser, in Korean and in English: a flagged question, a post the spam
 * rules held, a new member's first post, a suggested edit and a suspended member's appeal, each with its one-click
 * outcome; afterwards every outcome shows where customers see it.
 */
class ModerationBrowserTest extends ApiIntegrationTest {

	/** The outcome the moderator picks for each kind of item. */
	private static final Map<String, String> OUTCOME = Map.of("flagged", "disagree", "held", "approve", "first-post",
			"approve", "suggested-edit", "approve", "appeal", "approve");

	@Value("${local.server.port}")
	private int port;

	@ParameterizedTest
	@CsvSource({ "ko, 검토 (5)", "en, Review (5)" })
	void aModeratorClearsAMixedQueue(String language, String headerCount) {
		// Starts from an empty queue (other tests leave their first posts in it), once the intake has taken in
		// what they posted.
		eventually(Duration.ofSeconds(30), () -> this.http.get().uri("/actuator/health").exchange().expectBody()
			.jsonPath("$.components.events.details.consumersBehind.review-intake").isEqualTo(0));
		this.mongo.remove(Query.query(Criteria.where("status").is("open")), "review_items").block(Duration.ofSeconds(5));
		TestUser author = userWithReputation(1);
		String flagged = ask(as(author), "Grinder " + language + " makes a squeaking noise");
		as(userWithReputation(1)).post().uri("/api/v1/flags").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("postType", "question", "postId", flagged, "reason", "off-topic")).exchange()
			.expectStatus().isCreated();
		String held = as(userWithReputation(1)).post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Cheap watches " + language, "body", "Cheap watches, buy now, limited offer"))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")
			.toString();
		as(userWithReputation(1)).post().uri("/api/v1/threads/{id}/suggested-edits", flagged)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Grinder " + language + " squeaks when grinding", "body", "body",
					"tags", List.of(), "summary", "Clearer title"))
			.exchange().expectStatus().isAccepted();
		TestUser suspended = userWithReputation(1);
		TestUser moderator = user(Role.MODERATOR);
		as(moderator).put().uri("/api/v1/moderation/members/{id}/restriction", suspended.id())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "suspended", "days", 3, "reason", "Rude replies")).exchange().expectStatus().isOk();
		as(suspended).post().uri("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "I apologise; it will not happen again.")).exchange().expectStatus().isCreated();
		eventually(Duration.ofSeconds(20), () -> as(moderator).get().uri("/api/v1/review/counts").exchange()
			.expectBody().jsonPath("$.first-post").isEqualTo(1).jsonPath("$.held").isEqualTo(1)
			.jsonPath("$.flagged").isEqualTo(1).jsonPath("$.suggested-edit").isEqualTo(1).jsonPath("$.appeal").isEqualTo(1));

		String base = "http://localhost:" + this.port;
		WebDriver browser = Browser.start(language);
		try {
			signIn(browser, base, moderator);
			assertThat(await(browser, By.id("nav-review")).getText()).isEqualTo(headerCount);
			clickAndLoad(browser, By.id("nav-review"));
			for (int decided = 0; decided < 5; decided++) {
				WebElement item = await(browser, By.cssSelector("article.review-item"));
				String kind = item.getAttribute("data-kind");
				String id = item.getAttribute("id");
				clickAndLoad(browser, By.cssSelector("#" + id + " button.outcome." + OUTCOME.get(kind)));
				await(browser, By.id("decided"));
			}
			await(browser, By.id("queue-empty"));
			assertThat(browser.findElements(By.id("nav-review"))).extracting(WebElement::getText)
				.containsExactly(headerCount.replace("5", "0"));
		}
		finally {
			browser.quit();
		}

		this.http.get().uri("/api/v1/threads/{id}", held).exchange().expectStatus().isOk();
		this.http.get().uri("/api/v1/threads/{id}", flagged).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.title").isEqualTo("Grinder " + language + " squeaks when grinding");
		ask(as(suspended), "Back after the appeal " + language);
	}

}
