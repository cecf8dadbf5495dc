package dev.madang.question;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.BrowserSession;
import dev.madang.support.TestUsers;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static dev.madang.support.BrowserSession.form;
import static dev.madang.support.BrowserSession.location;
import static org.assertj.core.api.Assertions.assertThat;

class QuestionPageTest extends ApiIntegrationTest {

	@Test
	void askAnswerVoteAndAcceptThroughThePageForms() {
		existingTags("billing", "결제");
		TestUser asker = userWithReputation(1);
		TestUser helper = userWithReputation(1);
		TestUser newcomer = userWithReputation(1);
		BrowserSession askerBrowser = signedIn(asker);

		String questionPath = location(askerBrowser.submit("/ask", "/ask",
				form("title", "청구서 금액이 두 번 결제됐어요", "body", "카드 명세서에 **두 번** 찍혀 있어요.", "tags", "billing, 결제")));
		assertThat(questionPath).matches("/t/[0-9a-f]{24}/청구서-금액이-두-번-결제됐어요");
		String page = askerBrowser.page(questionPath);
		assertThat(page).contains("청구서 금액이 두 번 결제됐어요", "<strong>두 번</strong>", "결제", "billing");

		String threadId = questionPath.split("/")[2];
		BrowserSession helperBrowser = signedIn(helper);
		String answered = location(helperBrowser.submit(questionPath, "/t/" + threadId + "/answers",
				form("body", "Refunds for double charges arrive in 3–5 days; no action needed.")));
		assertThat(answered).startsWith(questionPath + "#answer-");
		String answerId = answered.substring(answered.indexOf("#answer-") + 8);

		BrowserSession newcomerBrowser = signedIn(newcomer);
		String refused = location(newcomerBrowser.submit(questionPath,
				"/t/" + threadId + "/answers/" + answerId + "/vote", form("value", "1")));
		assertThat(refused).endsWith("?problem=reputation-too-low");
		assertThat(newcomerBrowser.page(refused)).contains("You need more reputation for that");

		location(askerBrowser.submit(questionPath, "/t/" + threadId + "/answers/" + answerId + "/accept", form()));
		String solved = askerBrowser.page(questionPath);
		assertThat(solved).contains("✓ Accepted answer", "class=\"status solved\"");
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectBody()
			.jsonPath("$.acceptedAnswerId").isEqualTo(answerId);
	}

	@Test
	void askFormExplainsWhatIsMissingInTheReadersLanguage() {
		BrowserSession browser = new BrowserSession(this.http.mutate().defaultHeader("Accept-Language", "ko").build());
		TestUser member = user();
		browser.signIn(member.email(), TestUsers.PASSWORD);
		String page = browser.submit("/ask", "/ask", form("title", "", "body", "", "tags", "a b c d e f"))
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("질문 제목을 입력해 주세요.", "질문 내용을 입력해 주세요.", "태그는 최대 5개까지 쓸 수 있습니다.");
	}

	@Test
	void oldSlugsRedirectToTheCanonicalAddress() {
		TestUser asker = user();
		String questionPath = location(signedIn(asker).submit("/ask", "/ask",
				form("title", "Where is the API key?", "body", "I cannot find it in settings.", "tags", "")));
		String threadId = questionPath.split("/")[2];
		this.http.get().uri("/t/{id}/an-old-title", threadId).exchange()
			.expectStatus().is3xxRedirection()
			.expectHeader().valueEquals(HttpHeaders.LOCATION, "/t/" + threadId + "/where-is-the-api-key");
	}

	private BrowserSession signedIn(TestUser user) {
		BrowserSession browser = new BrowserSession(this.http);
		browser.signIn(user.email(), TestUsers.PASSWORD);
		return browser;
	}

	@Test
	void readingTheCommunityAnonymouslyCreatesNoSession() {
		String questionPath = location(signedIn(user()).submit("/ask", "/ask",
				form("title", "Anonymous readers", "body", "Should not get sessions.", "tags", "")));
		for (String path : new String[] { "/", questionPath, "/search?q=readers" }) {
			this.http.get().uri(path).exchange().expectStatus().isOk().expectHeader().doesNotExist("Set-Cookie");
		}
		this.http.get().uri("/login").exchange().expectStatus().isOk().expectHeader().exists("Set-Cookie");
	}


	@Test
	void editShowHistoryAndDeleteThroughThePages() {
		existingTags("bluetooth", "android");
		TestUser asker = user();
		BrowserSession browser = signedIn(asker);
		String questionPath = location(browser.submit("/ask", "/ask",
				form("title", "Bluetooth drops every hour", "body", "My headset disconnects.", "tags", "bluetooth")));
		String threadId = questionPath.split("/")[2];
		assertThat(browser.page(questionPath)).contains("href=\"/t/" + threadId + "/edit\"", ">Delete<");

		String edited = location(browser.submit("/t/" + threadId + "/edit", "/t/" + threadId + "/edit",
				form("title", "Bluetooth headset drops every hour", "body", "My headset disconnects.\nOnly on Android 14.",
						"tags", "bluetooth, android", "summary", "Android version", "baseRevision", "1")));
		assertThat(edited).isEqualTo("/t/" + threadId + "/bluetooth-headset-drops-every-hour");
		String page = browser.page(edited);
		assertThat(page).contains("Only on Android 14.", "href=\"/t/" + threadId + "/revisions\"");

		String history = this.http.get().uri("/t/{id}/revisions", threadId).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(history).contains("Revision 2", "Android version", "<del>Bluetooth drops every hour</del>",
				"<span class=\"line added\">+ Only on Android 14.</span>");

		String stale = browser.submit("/t/" + threadId + "/edit", "/t/" + threadId + "/edit",
				form("title", "Bluetooth headset drops", "body", "Older text.", "tags", "", "baseRevision", "1"))
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(stale).contains("Someone saved a newer version while you were editing.");

		location(browser.submit(edited, "/t/" + threadId + "/delete", form()));
		assertThat(browser.page(edited)).contains("This question is deleted", ">Undelete<");
		this.http.get().uri(edited).exchange().expectStatus().isNotFound();
		location(browser.submit(edited, "/t/" + threadId + "/undelete", form()));
		this.http.get().uri(edited).exchange().expectStatus().isOk();
	}

	@Test
	void membersWithoutTheEditPrivilegeAreSentBackWithTheReason() {
		String questionPath = location(signedIn(user()).submit("/ask", "/ask",
				form("title", "Someone else's question", "body", "Not yours to edit.", "tags", "")));
		String threadId = questionPath.split("/")[2];
		BrowserSession newcomer = signedIn(userWithReputation(1));
		assertThat(newcomer.page(questionPath)).doesNotContain("/t/" + threadId + "/edit");
		String back = location(newcomer.get("/t/" + threadId + "/edit").exchange());
		assertThat(back).endsWith("?problem=reputation-too-low");
	}


	@Test
	void votesSentByHtmxAnswerWithTheVoteBoxAloneRefusalsIncluded() {
		TestUser asker = user();
		String questionPath = location(signedIn(asker).submit("/ask", "/ask",
				form("title", "In-place votes", "body", "Voting without a reload.", "tags", "")));
		String threadId = questionPath.split("/")[2];
		BrowserSession voter = signedIn(userWithReputation(20));
		String box = voter.post("/t/" + threadId + "/vote").header("HX-Request", "true")
			.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.body(org.springframework.web.reactive.function.BodyInserters.fromFormData("value", "1")
				.with("_csrf", voter.csrfToken(questionPath)))
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(box).startsWith("<div class=\"votes\"").contains(">1</span>", "chosen").doesNotContain("<html");

		BrowserSession newcomer = signedIn(userWithReputation(1));
		String refused = newcomer.post("/t/" + threadId + "/vote").header("HX-Request", "true")
			.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.body(org.springframework.web.reactive.function.BodyInserters.fromFormData("value", "1")
				.with("_csrf", newcomer.csrfToken(questionPath)))
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(refused).contains("You need more reputation for that", ">1</span>").doesNotContain("chosen");
	}

}
