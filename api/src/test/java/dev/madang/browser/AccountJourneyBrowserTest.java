package dev.madang.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.Browser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Value;

import static dev.madang.support.Browser.await;
import static dev.madang.support.Browser.awaitText;
import static dev.madang.support.Browser.awaitUrl;
import static dev.madang.support.Browser.clickAndLoad;
import static org.assertj.core.api.Assertions.assertThat;

/** A new customer in a real browser: sign up, sign in, create an API token, use it, sign out — in Korean and English. */
class AccountJourneyBrowserTest extends ApiIntegrationTest {

	@Value("${local.server.port}")
	private int port;

	@ParameterizedTest
	@CsvSource({ "ko, 로그인, 계정이 만들어졌습니다. 로그인해 주세요., 개인 액세스 토큰, 로그아웃",
			"en, Sign in, Your account is ready. Please sign in., Personal access tokens, Sign out" })
	void signUpSignInCreateTokenAndSignOut(String language, String signIn, String accountReady, String tokensHeading,
			String signOut) throws Exception {
		String base = "http://localhost:" + this.port;
		String email = "browser-" + language + "-" + System.nanoTime() + "@example.com";
		String password = "마당에서 만나요 2026 " + language;
		WebDriver browser = Browser.start(language);
		try {
			browser.get(base + "/");
			clickAndLoad(browser, By.id("nav-signup"));
			browser.findElement(By.id("email")).sendKeys(email);
			browser.findElement(By.id("displayName")).sendKeys("브라우저 " + language);
			browser.findElement(By.id("password")).sendKeys(password);
			clickAndLoad(browser, By.id("signup-submit"));

			assertThat(awaitUrl(browser, "/login\\?registered$")).endsWith("/login?registered");
			awaitText(browser, By.tagName("h1"), signIn);
			assertThat(browser.getPageSource()).contains(accountReady);
			browser.findElement(By.id("username")).sendKeys(email);
			browser.findElement(By.id("password")).sendKeys(password);
			clickAndLoad(browser, By.id("login-submit"));

			awaitText(browser, By.id("nav-profile"), "브라우저 " + language);
			clickAndLoad(browser, By.id("nav-profile"));
			awaitText(browser, By.id("tokens-heading"), tokensHeading);
			browser.findElement(By.id("token-name")).sendKeys("laptop");
			clickAndLoad(browser, By.id("token-create"));
			String token = await(browser, By.id("new-token")).getText();
			assertThat(token).startsWith("mdg_");

			HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
				.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(me.statusCode()).isEqualTo(200);
			assertThat(me.body()).contains(email);

			assertThat(browser.findElement(By.id("nav-logout")).getText()).isEqualTo(signOut);
			clickAndLoad(browser, By.id("nav-logout"));
			await(browser, By.id("nav-login"));
			assertThat(browser.findElements(By.id("nav-profile"))).isEmpty();
		}
		finally {
			browser.quit();
		}
	}

}
