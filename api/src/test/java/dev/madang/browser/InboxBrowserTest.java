package dev.madang.browser;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.Browser;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Value;

import static dev.madang.support.Browser.awaitText;
import static dev.madang.support.Browser.signIn;
import static dev.madang.support.QaSteps.answer;
import static dev.madang.support.QaSteps.ask;
import static org.assertj.core.api.Assertions.assertThat;

/** An asker's open page shows a new answer in the header's inbox count without a reload, in Korean and English. */
class InboxBrowserTest extends ApiIntegrationTest {

	@Value("${local.server.port}")
	private int port;

	@ParameterizedTest
	@CsvSource({ "ko, 알림, 알림 (1)", "en, Inbox, Inbox (1)" })
	void theUnreadCountChangesWithoutAReload(String language, String before, String after) {
		TestUser asker = userWithReputation(1);
		String threadId = ask(as(asker), "Scale shows minus zero " + language);
		WebDriver browser = Browser.start(language);
		try {
			signIn(browser, "http://localhost:" + this.port, asker);
			awaitText(browser, By.id("nav-inbox"), before);
			((JavascriptExecutor) browser).executeScript("window.samePage = true;");
			answer(asMember(), threadId, "Hold the tare button for three seconds.");
			awaitText(browser, By.id("nav-inbox"), after);
			assertThat(((JavascriptExecutor) browser).executeScript("return window.samePage === true;")).isEqualTo(true);
		}
		finally {
			browser.quit();
		}
	}

}
