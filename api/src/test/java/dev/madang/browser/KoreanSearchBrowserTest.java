package dev.madang.browser;

import java.time.Duration;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Value;

import static dev.madang.support.QaSteps.ask;
import static dev.madang.support.Browser.awaitUrl;
import static dev.madang.support.Browser.clickAndLoad;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-service in a real browser: a customer types their problem in their own words into the header's search box and
 * finds the question asked differently before — other particles and endings, other words around the same nouns.
 */
class KoreanSearchBrowserTest extends ApiIntegrationTest {

	@Value("${local.server.port}")
	private int port;

	@Test
	void aKoreanSearchFindsAQuestionPhrasedDifferently() {
		String stored = ask(asMember(), "앱에서 비밀번호를 잊어버렸을 때 재설정하는 방법이 있나요?");
		String unrelated = ask(asMember(), "앱에서 배송 주소를 바꾸는 방법이 있나요?");
		eventually(Duration.ofSeconds(20), () -> this.http.get().uri("/api/v1/search?q={q}", "배송 주소").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.hits[*].id").value((java.util.List<String> ids) ->
				assertThat(ids).contains(unrelated)));
		WebDriver browser = Browser.start("ko");
		try {
			browser.get("http://localhost:" + this.port + "/");
			browser.findElement(By.id("site-search")).sendKeys("비밀번호가 기억이 안 나요");
			clickAndLoad(browser, By.cssSelector("form.search button"));
			assertThat(awaitUrl(browser, "/search\\?q=")).contains("/search?q=");
			// Result links carry the query (?sq=…), so opening one counts as a click for the owners' figures.
			assertThat(browser.findElements(By.cssSelector("a[href^='/t/" + stored + "?']"))).hasSize(1);
			assertThat(browser.findElements(By.cssSelector("a[href^='/t/" + unrelated + "']"))).isEmpty();
		}
		finally {
			browser.quit();
		}
	}

}
