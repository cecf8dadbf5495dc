package dev.madang.comment;

import java.util.Map;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.BrowserSession;
import dev.madang.support.TestUsers;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;

import static dev.madang.support.QaSteps.answer;
import static dev.madang.support.QaSteps.ask;
import static org.assertj.core.api.Assertions.assertThat;

class CommentTest extends ApiIntegrationTest {

	@Test
	void commentingFollowsTheReputationRuleExceptOnOnesOwnThread() {
		TestUser asker = userWithReputation(1);
		TestUser helper = userWithReputation(1);
		TestUser newcomer = userWithReputation(1);
		TestUser regular = userWithReputation(60);
		String threadId = ask(as(asker), "Comment rules");
		String answerId = answer(as(helper), threadId, "An answer to comment on.");

		comment(as(newcomer), threadId, "Same problem here!", null).expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("/problems/reputation-too-low");
		comment(as(asker), threadId, "Thanks, trying it now.", answerId).expectStatus().isCreated();
		comment(as(helper), threadId, "Which version are you on?", null).expectStatus().isForbidden();
		comment(as(helper), threadId, "Works from version 2.", answerId).expectStatus().isCreated();
		comment(as(regular), threadId, "Could you add the error text?", null).expectStatus().isCreated();
		comment(as(regular), threadId, "x", null).expectStatus().isBadRequest();
		comment(this.http, threadId, "anonymous", null).expectStatus().isUnauthorized();

		this.http.get().uri("/api/v1/threads/{id}/comments", threadId).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.length()").isEqualTo(3)
			.jsonPath("$[0].body").isEqualTo("Thanks, trying it now.")
			.jsonPath("$[0].answerId").isEqualTo(answerId)
			.jsonPath("$[2].answerId").doesNotExist();
	}

	@Test
	void commentsShowOnTheQuestionPageEscaped() {
		TestUser asker = user();
		String threadId = ask(as(asker), "Comments on the page");
		BrowserSession browser = new BrowserSession(this.http);
		browser.signIn(asker.email(), TestUsers.PASSWORD);
		LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("body", "<b>로그</b>를 첨부했어요");
		browser.submit("/t/" + threadId + "/comments-on-the-page", "/t/" + threadId + "/comments", form).expectStatus().is3xxRedirection();
		String page = this.http.get().uri("/t/{id}/comments-on-the-page", threadId).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("&lt;b&gt;로그&lt;/b&gt;를 첨부했어요").doesNotContain("<b>로그</b>");
	}

	private static WebTestClient.ResponseSpec comment(WebTestClient client, String threadId, String body,
			String answerId) {
		Map<String, Object> request = (answerId == null) ? Map.of("body", body) : Map.of("body", body, "answerId", answerId);
		return client.post().uri("/api/v1/threads/{id}/comments", threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request).exchange();
	}

}
