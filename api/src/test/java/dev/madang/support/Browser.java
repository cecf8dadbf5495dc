package dev.madang.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}; {@code .ci/run} installs them),
 * driven through Selenium with the binaries given explicitly so nothing is downloaded. A click returns before the
 * navigation or htmx swap it starts has finished, so tests wait for the condition they need with the helpers here
 * ({@link #clickAndLoad}, {@link #awaitUrl}, {@link #awaitText}, {@link #await}), each finding elements afresh.
 */
public final class Browser {

	/** Long enough for a page on a busy 2-core machine; a wait ends as soon as its condition holds. */
	private static final Duration PATIENCE = Duration.ofSeconds(30);

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
			driver.manage().timeouts().pageLoadTimeout(PATIENCE);
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
		clickAndLoad(browser, By.id("login-submit"));
		await(browser, By.id("nav-profile"));
	}

	public static void signOut(WebDriver browser) {
		clickAndLoad(browser, By.id("nav-logout"));
		await(browser, By.id("nav-login"));
	}

	/**
	 * Clicks a link or a plain (not htmx-boosted) form button and waits until the document it loads has replaced the
	 * current one and finished loading.
	 */
	public static void clickAndLoad(WebDriver browser, By target) {
		// A mark on the current document's window: a new document has none. (Watching an element go stale fails on a
		// busy machine: mid-navigation Chromium answers "Node with given id does not belong to the document".)
		String mark = java.util.UUID.randomUUID().toString();
		((JavascriptExecutor) browser).executeScript("window.madangPage = arguments[0];", mark);
		browser.findElement(target).click();
		waiting(browser).ignoring(WebDriverException.class)
			.withMessage(() -> "a new page after clicking " + target + ", at " + browser.getCurrentUrl())
			.until((page) -> Boolean.TRUE.equals(((JavascriptExecutor) page).executeScript(
					"return window.madangPage !== arguments[0] && document.readyState === 'complete';", mark)));
	}

	/** Waits until the address matches {@code regex} (anywhere in it) and returns the address. */
	public static String awaitUrl(WebDriver browser, String regex) {
		java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
		waiting(browser).withMessage(() -> "address matching " + regex + ", at " + browser.getCurrentUrl())
			.until((page) -> pattern.matcher(page.getCurrentUrl()).find());
		return browser.getCurrentUrl();
	}

	/** Waits until the element is on the page and displayed, and returns it. */
	public static WebElement await(WebDriver browser, By by) {
		return waiting(browser).until((page) -> {
			WebElement element = page.findElement(by);
			return element.isDisplayed() ? element : null;
		});
	}

	/** Waits until the element's text is {@code expected} (re-reading it as pages and swaps replace it). */
	public static void awaitText(WebDriver browser, By by, String expected) {
		String[] last = { null };
		waiting(browser).withMessage(() -> by + " to read '" + expected + "', read '" + last[0] + "'")
			.until((page) -> expected.equals(last[0] = page.findElement(by).getText()));
	}

	/** A wait that retries while the element is missing or was just replaced. */
	public static WebDriverWait waiting(WebDriver browser) {
		WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
		wait.ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class);
		return wait;
	}

}
