package io.dt4j.daemon.dashboard;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through {@code /usr/bin/chromedriver}, both given explicitly so
 * that Selenium Manager never downloads anything; a fresh profile in a temporary folder. {@code
 * .ci/run} installs the two packages when they are missing.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** How long the page may take to show what a test waits for. */
  static final Duration WAIT = Duration.ofSeconds(30);

  /** Where the tests save their screenshots for review. */
  static final Path SCREENSHOTS = Path.of("target", "dashboard");

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts a browser with its profile under {@code profile}. */
  static Browser start(Path profile) {
    for (Path needed : new Path[] {CHROMIUM, CHROMEDRIVER}) {
      if (!Files.isExecutable(needed)) {
        throw new IllegalStateException(
            needed + " is missing: apt-get install -y chromium chromium-driver (.ci/run does)");
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(60))
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return new Browser(driver);
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  int count(String css) {
    return driver.findElements(By.cssSelector(css)).size();
  }

  /** The text of the first match, or "" when there is none (yet). */
  String text(String css) {
    return driver.findElements(By.cssSelector(css)).stream()
        .findFirst()
        .map(WebElement::getText)
        .orElse("");
  }

  boolean shown(String css) {
    return driver.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
  }

  /** Types the token into the login form and submits it. */
  void logIn(String token) {
    WebElement field = find("#token");
    field.clear();
    field.sendKeys(token);
    find("#login-submit").click();
  }

  /** Opens the dashboard of the daemon at {@code adminUrl}, logs in and waits for the channels. */
  void logInAt(String adminUrl, String token) {
    open(adminUrl + "/");
    await().atMost(WAIT).until(() -> shown("#login-form"));
    logIn(token);
    await().atMost(WAIT).until(() -> shown("#channels-view"));
  }

  /** Waits until the text of the first match of {@code css} is as wanted; returns that text. */
  String awaitText(String css, Predicate<String> wanted) {
    return await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> text(css), wanted);
  }

  /** Saves a PNG of the page. */
  Path screenshot(Path file) throws IOException {
    File png = driver.getScreenshotAs(OutputType.FILE);
    Files.createDirectories(file.getParent());
    return Files.copy(png.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
