package dev.madang.browser;

import java.time.Duration;
import java.util.Map;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.Browser;
import dev.madang.support.QaSteps;
import dev.madang.support.TestUsers.TestUser;
import dev.madang.thread.Slugs;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.madang.support.Browser.await;
import static dev.madang.support.Browser.awaitText;
import static dev.madang.support.Browser.awaitUrl;
import static dev.madang.support.Browser.clickAndLoad;
import static dev.madang.support.Browser.signIn;
import static dev.madang.support.Browser.waiting;
import static dev.madang.support.Browser.signOut;
import static dev.madang.support.QaSteps.accept;
import static dev.madang.support.QaSteps.answer;
import static dev.madang.support.QaSteps.ask;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge-base journey in a real browser, in Korean and in English: staff promote a solved thread, edit the
 * draft, send it for review and publish it; an anonymous customer searching in other words finds it first, labelled
 * as the official answer, and says it helped; when the source answer is edited, staff see the article flagged. And
 * a customer about to ask finds the answer in the ask page's panel instead.
 */
class KnowledgeBaseBrowserTest extends ApiIntegrationTest {

	@Value("${local.server.port}")
	private int port;

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"ko|결제 카드를 바꾸려면 어떻게 하나요?|결제 → 카드 관리에서 새 카드를 등록하고 기본 카드로 지정하세요.|카드 변경 방법|검토 중|초안|결제 카드 바꾸고 싶어요",
			"en|How do I replace the card I pay with?|Open Billing → Cards, add the new card and make it the default.|Replacing your payment card|In review|Draft|change my payment card" })
	void staffPublishAndAnonymousCustomerFindsItFirst(String language, String question, String answerText,
			String articleTitle, String inReview, String draft, String customerSearch) {
		TestUser asker = user();
		TestUser helper = user();
		TestUser staff = user(Role.STAFF);
		String threadId = ask(as(asker), question);
		String answerId = answer(as(helper), threadId, answerText);
		accept(as(asker), threadId, answerId).expectStatus().isOk();
		answer(as(user()), threadId, "Restart the app afterwards. 앱을 다시 시작하세요.");
		String base = "http://localhost:" + this.port;
		WebDriver browser = Browser.start(language);
		try {
			signIn(browser, base, staff);
			browser.get(base + Slugs.threadPath(threadId, question));
			// The accepted answer goes in by itself; staff tick another answer to include it after it.
			browser.findElement(By.cssSelector("input[name=answerIds]")).click();
			clickAndLoad(browser, By.id("promote"));
			String articleId = awaitUrl(browser, "/kb/manage/[0-9a-f]+\\?promoted$")
				.replaceAll(".*/kb/manage/([0-9a-f]+).*", "$1");
			assertThat(browser.findElement(By.id("body")).getAttribute("value"))
				.isEqualTo(answerText + "\n\n---\n\nRestart the app afterwards. 앱을 다시 시작하세요.");

			WebElement title = browser.findElement(By.id("title"));
			title.clear();
			title.sendKeys(articleTitle);
			browser.findElement(By.id("body")).sendKeys("\n\n---\n" + question);
			clickAndLoad(browser, By.id("save-article"));
			await(browser, By.id("saved"));
			clickAndLoad(browser, By.id("submit-article"));
			awaitText(browser, By.id("article-status"), inReview);
			clickAndLoad(browser, By.id("publish-article"));
			await(browser, By.id("published"));
			// A translation starts as a linked draft in the other language.
			clickAndLoad(browser, By.id("translate-article"));
			assertThat(awaitUrl(browser, "/kb/manage/(?!" + articleId + ")[0-9a-f]+")).doesNotContain(articleId);
			awaitText(browser, By.id("article-status"), draft);
			browser.get(base + "/kb/manage/" + articleId);
			clickAndLoad(browser, By.id("view-article"));
			awaitText(browser, By.tagName("h1"), articleTitle);
			signOut(browser);

			// The community thread now points at its official answer.
			browser.get(base + Slugs.threadPath(threadId, question));
			awaitText(browser, By.cssSelector("#official-article a"), articleTitle);

			// An anonymous customer searches in their own words: the article comes first, labelled as official.
			eventually(Duration.ofSeconds(20), () -> this.http.get().uri("/api/v1/search?q={q}", customerSearch)
				.exchange().expectBody().jsonPath("$.articles[0].id").isEqualTo(articleId));
			browser.get(base + "/");
			browser.findElement(By.id("site-search")).sendKeys(customerSearch);
			clickAndLoad(browser, By.cssSelector("form.search button"));
			WebElement first = await(browser, By.cssSelector("main section .official-answer"));
			assertThat(first.findElement(By.cssSelector("a")).getAttribute("href")).endsWith("/kb/" + articleId);
			clickAndLoad(browser, By.cssSelector("main section .official-answer button"));
			await(browser, By.id("answered"));
			awaitText(browser, By.tagName("h1"), articleTitle);
			browser.findElement(By.id("feedback-comment")).sendKeys("Screenshots would help · 스크린샷이 있으면 좋겠어요");
			clickAndLoad(browser, By.id("helpful-yes"));
			await(browser, By.id("rated"));
			assertThat(browser.findElement(By.cssSelector(".helpful-counts")).getText()).contains("1");

			// The helper improves the answer: staff find the article flagged for review.
			as(helper).put().uri("/api/v1/threads/{t}/answers/{a}", threadId, answerId)
				.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("body", answerText + " (updated)")).exchange()
				.expectStatus().isOk();
			signIn(browser, base, staff);
			eventually(Duration.ofSeconds(10), () -> {
				browser.get(base + "/kb/manage/" + articleId);
				assertThat(browser.findElements(By.id("source-changed"))).hasSize(1);
			});
			// Staff read what the reader wrote.
			assertThat(browser.findElement(By.cssSelector(".reader-feedback")).getText())
				.contains("Screenshots would help · 스크린샷이 있으면 좋겠어요");
		}
		finally {
			browser.quit();
		}
	}

	/** While asking, the official answer shows above similar questions; saying it answered the question is counted. */
	@Test
	void anArticleAnswersACustomerWhileTheyAsk() {
		String title = "Exporting the monthly invoice as PDF";
		String articleId = publishedArticle(title);
		eventually(Duration.ofSeconds(20), () -> this.http.get().uri("/api/v1/search?q={q}", title).exchange()
			.expectBody().jsonPath("$.articles[0].id").isEqualTo(articleId));
		String base = "http://localhost:" + this.port;
		WebDriver browser = Browser.start("en");
		try {
			signIn(browser, base, user());
			clickAndLoad(browser, By.id("nav-ask"));
			browser.findElement(By.id("title")).sendKeys("How to export my invoice as PDF?");
			waiting(browser).until((page) -> page.findElements(By.cssSelector("#similar .official-answer button"))
				.size() == 1);
			clickAndLoad(browser, By.cssSelector("#similar .official-answer button"));
			await(browser, By.id("answered"));
			assertThat(awaitUrl(browser, "/kb/" + articleId + "/")).contains("/kb/" + articleId + "/");
		}
		finally {
			browser.quit();
		}
		Document deflection = this.mongo.findOne(Query.query(Criteria.where("articleId").is(articleId)), Document.class,
				"deflections").block();
		assertThat(deflection).isNotNull();
		assertThat(deflection.getString("where")).isEqualTo("ask");
		assertThat(deflection.getString("query")).isEqualTo("How to export my invoice as PDF?");
	}

	private String publishedArticle(String title) {
		WebTestClient staff = as(user(Role.STAFF));
		String id = QaSteps.promote(staff, QaSteps.solvedThread(asMember(), asMember(), title), "en");
		QaSteps.publish(staff, id);
		return id;
	}

}
