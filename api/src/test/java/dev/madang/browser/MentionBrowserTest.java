package dev.madang.browser;

import java.time.Duration;
import java.util.List;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.Browser;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static dev.madang.support.Browser.await;
import static dev.madang.support.Browser.signIn;
import static dev.madang.support.QaSteps.ask;
import static org.assertj.core.api.Assertions.assertThat;

/** Typing @ and the start of a name in the answer editor offers the member; Enter inserts the handle. */
class MentionBrowserTest extends ApiIntegrationTest {

	@Value("${local.server.port}")
	private int port;

	@Test
	void theEditorCompletesAMentionAndTheMemberIsTold() {
		TestUser named = userWithReputation(1);
		String suffix = named.id().substring(18);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(named.id())),
				new Update().set("displayName", "Pick Me " + suffix), "users").block(Duration.ofSeconds(10));
		TestUser writer = userWithReputation(1);
		String threadId = ask(as(userWithReputation(1)), "Printer prints blank pages");
		WebDriver browser = Browser.start("en");
		try {
			signIn(browser, "http://localhost:" + this.port, writer);
			browser.get("http://localhost:" + this.port + "/t/" + threadId);
			WebElement editor = await(browser, By.id("answer-body"));
			editor.sendKeys("Ask @PickMe" + suffix.substring(0, 3));
			WebElement option = await(browser, By.cssSelector(".mention-list [role=option]"));
			assertThat(option.getText()).contains("Pick Me " + suffix);
			editor.sendKeys(Keys.ENTER);
			assertThat(editor.getAttribute("value")).isEqualTo("Ask @PickMe" + suffix + " ");
			editor.sendKeys("about the toner, it fixed mine.");
			browser.findElement(By.id("answer-submit")).click();
			Browser.waiting(browser).until((page) -> page.getPageSource().contains("it fixed mine"));
		}
		finally {
			browser.quit();
		}
		eventually(Duration.ofSeconds(20), () -> as(named).get().uri("/api/v1/notifications").exchange().expectBody()
			.jsonPath("$[?(@.kind == 'mention')].threadId").isEqualTo(List.of(threadId)));
	}

}
