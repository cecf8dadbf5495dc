package dev.madang.profile;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static dev.madang.support.QaSteps.accept;
import static dev.madang.support.QaSteps.answer;
import static dev.madang.support.QaSteps.ask;
import static dev.madang.support.QaSteps.voteOnAnswer;
import static org.assertj.core.api.Assertions.assertThat;

class ProfileTest extends ApiIntegrationTest {

	@Test
	void aProfileShowsHowReputationWasEarnedAndTheMembersPostsButNotTheirEmail() {
		TestUser asker = user();
		TestUser helper = user();
		String threadId = ask(as(asker), "Where do I download invoices?");
		String answerId = answer(as(helper), threadId, "Billing → Invoices → Download PDF.");
		voteOnAnswer(as(userWithReputation(20)), answerId, 1).expectStatus().isOk();
		accept(as(asker), threadId, answerId).expectStatus().isOk();

		String json = this.http.get().uri("/api/v1/users/{id}/profile", helper.id()).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(json).doesNotContain(helper.email());
		this.http.get().uri("/api/v1/users/{id}/profile", helper.id()).exchange().expectBody()
			.jsonPath("$.reputation").isEqualTo(1 + 10 + 15)
			.jsonPath("$.reputationHistory.length()").isEqualTo(2)
			.jsonPath("$.reputationHistory[0].amount").isEqualTo(15)
			.jsonPath("$.reputationHistory[1].amount").isEqualTo(10)
			.jsonPath("$.answers[0].threadId").isEqualTo(threadId)
			.jsonPath("$.answers[0].accepted").isEqualTo(true);
		this.http.get().uri("/api/v1/users/{id}/profile", asker.id()).exchange().expectBody()
			.jsonPath("$.questions[0].id").isEqualTo(threadId);

		String page = this.http.get().uri("/u/{id}", helper.id()).header(HttpHeaders.ACCEPT_LANGUAGE, "ko").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("평판 26", "답변 채택됨", "추천받음", "Where do I download invoices?",
				"href=\"/p/" + answerId + "\"").doesNotContain(helper.email());
		String questionPage = this.http.get().uri("/t/{id}", threadId).exchange().expectStatus().is3xxRedirection()
			.returnResult(String.class).getResponseHeaders().getLocation().toString();
		assertThat(this.http.get().uri(questionPage).exchange().expectBody(String.class).returnResult().getResponseBody())
			.contains("href=\"/u/" + helper.id() + "\"", ">" + displayName(helper) + "</a>").doesNotContain("former member");
	}

	private String displayName(TestUser user) {
		return (String) this.http.get().uri("/api/v1/users/{id}/profile", user.id()).exchange()
			.expectBody(java.util.Map.class).returnResult().getResponseBody().get("displayName");
	}

	@Test
	void aPostAddressLeadsToTheQuestionOrToTheAnswerOnIt() {
		String threadId = ask(asMember(), "Post links");
		String answerId = answer(asMember(), threadId, "An answer to link to.");
		this.http.get().uri("/p/{id}", answerId).exchange().expectStatus().is3xxRedirection()
			.expectHeader().valueEquals(HttpHeaders.LOCATION, "/t/" + threadId + "/post-links#answer-" + answerId);
		this.http.get().uri("/p/{id}", threadId).exchange().expectStatus().is3xxRedirection()
			.expectHeader().valueEquals(HttpHeaders.LOCATION, "/t/" + threadId + "/post-links");
		this.http.get().uri("/p/{id}", "000000000000000000000000").exchange().expectStatus().isNotFound();
		this.http.get().uri("/u/{id}", "000000000000000000000000").exchange().expectStatus().isNotFound();
	}

}
