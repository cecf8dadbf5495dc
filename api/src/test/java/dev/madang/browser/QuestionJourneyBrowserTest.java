package dev.madang.browser;

import java.time.Duration;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.Browser;
import dev.madang.support.TestUsers;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Value;

import static dev.madang.support.Browser.signIn;
import static dev.madang.support.Browser.signOut;
import static dev.madang.support.QaSteps.ask;
import static dev.madang.support.QaSteps.reputation;
import static dev.madang.support.Browser.await;
import static dev.madang.support.Browser.awaitText;
import static dev.madang.support.Browser.awaitUrl;
import static dev.madang.support.Browser.clickAndLoad;
import static dev.madang.support.Browser.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heart of the community in a real browser: a customer asks, another answers, a third votes the answer up (in
 * place, through htmx), and the asker accepts it; the helper's reputation moves exactly as the rules say.
 */
class QuestionJourneyBrowserTest extends ApiIntegrationTest {

	@Value("${local.server.port}")
	private int port;

	@ParameterizedTest
	@CsvSource({ "ko, 결제 후 영수증이 메일로 오지 않아요, ✓ 채택된 답변", "en, Receipt email never arrives after payment, ✓ Accepted answer" })
	void askAnswerVoteAndAccept(String language, String title, String acceptedLabel) {
		existingTags("billing");
		TestUser asker = userWithReputation(1);
		TestUser helper = userWithReputation(1);
		TestUser voter = userWithReputation(20);
		String base = "http://localhost:" + this.port;
		String earlier = ask(asMember(), title + " (asked before)");
		// The panel asks once, when typing stops: the earlier question must be searchable by then.
		eventually(Duration.ofSeconds(20), () -> this.http.get().uri("/api/v1/search?q={q}", title).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.hits[*].id").value((java.util.List<String> ids) ->
				assertThat(ids).contains(earlier)));
		WebDriver browser = Browser.start(language);
		try {
			signIn(browser, base, asker);
			clickAndLoad(browser, By.id("nav-ask"));
			browser.findElement(By.id("title")).sendKeys(title);
			// While the title is typed, htmx fills the panel of similar questions under it.
			waiting(browser).until((page) -> page.findElements(By.cssSelector("#similar a[href='/t/" + earlier + "']"))
				.size() == 1);
			browser.findElement(By.id("body")).sendKeys("I paid with a card an hour ago. **No receipt** yet.");
			browser.findElement(By.id("tags")).sendKeys("billing");
			clickAndLoad(browser, By.id("ask-submit"));
			String questionUrl = awaitUrl(browser, "/t/[0-9a-f]+/");
			awaitText(browser, By.tagName("h1"), title);
			signOut(browser);

			signIn(browser, base, helper);
			browser.get(questionUrl);
			browser.findElement(By.id("answer-body")).sendKeys("Check the spam folder, then resend it from Billing → Receipts.");
			// The answer form is boosted by htmx: the page's body is swapped, not reloaded.
			browser.findElement(By.id("answer-submit")).click();
			WebElement answer = await(browser, By.cssSelector("article.answer"));
			String answerId = answer.getAttribute("id").substring("answer-".length());
			signOut(browser);

			signIn(browser, base, voter);
			browser.get(questionUrl);
			((JavascriptExecutor) browser).executeScript("window.samePage = true;");
			browser.findElement(By.cssSelector("#answer-" + answerId + " button.vote.up")).click();
			// htmx replaces the vote box: an element found just before the swap goes stale, so look again.
			awaitText(browser, By.cssSelector("#answer-" + answerId + " .score"), "1");
			assertThat(((JavascriptExecutor) browser).executeScript("return window.samePage === true;"))
				.as("the vote updated the page in place").isEqualTo(true);
			assertThat(browser.findElement(By.cssSelector("#answer-" + answerId + " button.vote.up")).getAttribute("class"))
				.contains("chosen");
			browser.navigate().refresh();
			assertThat(browser.findElement(By.cssSelector("#answer-" + answerId + " .score")).getText()).isEqualTo("1");
			signOut(browser);

			signIn(browser, base, asker);
			browser.get(questionUrl);
			browser.findElement(By.cssSelector("#answer-" + answerId + " button.accept")).click();
			awaitText(browser, By.cssSelector("#answer-" + answerId + " .solution"), acceptedLabel);
			waiting(browser).until((page) -> page.findElement(By.cssSelector(".status")).getAttribute("class")
				.contains("solved"));
		}
		finally {
			browser.quit();
		}
		assertThat(reputation(this.http, helper.id())).isEqualTo(1 + 10 + 15);
		assertThat(reputation(this.http, asker.id())).isEqualTo(1 + 2);
	}

}
