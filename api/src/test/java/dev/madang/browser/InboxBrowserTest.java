package dev.madang.browser;

import java.time.Duration;
import java.util.List;

import dev.madang.support.MailTestBase;
import dev.madang.support.Browser;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static dev.madang.support.Browser.awaitText;
import static dev.madang.support.Browser.signIn;
import static dev.madang.support.QaSteps.answer;
import static dev.madang.support.QaSteps.ask;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Member A asks, member B answers: A's open page shows it in the header's inbox count without a reload, and A gets
 * exactly one email about it, in A's language (Korean and English), from a real SMTP server.
 */
class InboxBrowserTest extends MailTestBase {

	@Value("${local.server.port}")
	private int port;

	@ParameterizedTest
	@CsvSource({ "ko, 알림, 알림 (1), 새 답변", "en, Inbox, Inbox (1), New answer" })
	void theUnreadCountChangesWithoutAReloadAndOneEmailArrives(String language, String before, String after,
			String subject) throws Exception {
		TestUser asker = userWithReputation(1);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(asker.id())), new Update().set("locale", language),
				"users").block(Duration.ofSeconds(10));
		String threadId = ask(as(asker), "Scale shows minus zero " + language);
		WebDriver browser = Browser.start(language);
		try {
			signIn(browser, "http://localhost:" + this.port, asker);
			awaitText(browser, By.id("nav-inbox"), before);
			((JavascriptExecutor) browser).executeScript("window.samePage = true;");
			answer(asMember(), threadId, "Hold the tare button for three seconds.");
			awaitText(browser, By.id("nav-inbox"), after);
			assertThat(((JavascriptExecutor) browser).executeScript("return window.samePage === true;")).isEqualTo(true);
			List<MimeMessage> received = awaitMail(asker.email(), 1);
			assertThat(received.get(0).getSubject()).contains(subject).contains("Scale shows minus zero");
			Thread.sleep(Duration.ofSeconds(DELAY_SECONDS + 2).toMillis());
			assertThat(mailTo(asker.email())).as("exactly one email").hasSize(1);
		}
		finally {
			browser.quit();
		}
	}

}
