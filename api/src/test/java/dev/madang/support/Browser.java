package dev.madang.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}; {@code .ci/run} installs them),
 * driven through Selenium with the binaries given explicitly so nothing is downloaded.
 */
public final class Browser {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Browser() {
	}

	public static ChromeDriver start(String language) {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
			throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
					+ "apt-get install -y chromium chromium-driver (.ci/run does this)");
		}
		try {
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=1280,900", "--lang=" + language,
					"--user-data-dir=" + Files.createTempDirectory("madang-chromium-"));
			options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
				.usingAnyFreePort().build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
			return driver;
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Signs in through the sign-in page and waits for the signed-in header. */
	public static void signIn(WebDriver browser, String base, TestUsers.TestUser user) {
		browser.get(base + "/login");
		browser.findElement(By.id("username")).sendKeys(user.email());
		browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		browser.findElement(By.id("nav-profile"));
	}

	public static void signOut(WebDriver browser) {
		browser.findElement(By.id("nav-logout")).click();
		browser.findElement(By.id("nav-login"));
	}

}
