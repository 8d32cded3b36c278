package dev.ringstore.cli.console;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's one page as its browser ITs use it: only through the stable hooks of
 * docs/console.md (ids and data- attributes), waiting for a condition with a deadline, never for a
 * fixed time; the views re-read the API every 2 s, so every check is a poll.
 */
final class ConsolePage {
  /** Every view, in the navigation's order. */
  static final List<String> VIEWS =
      List.of("overview", "ring", "members", "config", "changes", "keys", "metrics");

  private final WebDriver driver;
  private final URI console;
  private final Path screenshots;

  /** {@code console}: the page's address, {@code http://HOST:PORT/console/}. */
  ConsolePage(WebDriver driver, URI console, Path screenshots) {
    this.driver = driver;
    this.console = console;
    this.screenshots = screenshots;
  }

  /** Loads the page with the admin token in the fragment, as {@code ringstore local} prints it. */
  void open(String token) {
    driver.get(console + "#token=" + token);
    await("the health line", Duration.ofSeconds(30), d -> find("#health"));
  }

  /** Goes to {@code view} through the navigation, as a person would. */
  void show(String view) {
    find("nav a[data-view=" + view + "]").click();
    await(
        "the " + view + " view",
        Duration.ofSeconds(10),
        d -> d.getCurrentUrl().endsWith("#/" + view));
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** {@code css}'s attribute {@code name}, null when there is no such element or attribute. */
  String attribute(String css, String name) {
    List<WebElement> found = findAll(css);
    return found.isEmpty() ? null : found.get(0).getDomAttribute(name);
  }

  /** {@code css}'s text, "" when there is no such element. */
  String text(String css) {
    List<WebElement> found = findAll(css);
    return found.isEmpty() ? "" : found.get(0).getText();
  }

  /** Types {@code text} into the input {@code css} in place of what it held. */
  void type(String css, String text) {
    WebElement input = find(css);
    input.clear();
    input.sendKeys(text);
  }

  /** Accepts the browser's confirm() box if a button raised one. */
  void acceptConfirmation() {
    try {
      driver.switchTo().alert().accept();
    } catch (NoAlertPresentException none) {
      // the action needed no confirmation
    }
  }

  /**
   * Polls {@code condition} until it answers neither null nor false, for at most {@code limit};
   * elements missing or replaced by a re-render meanwhile count as "not yet". A timeout names
   * {@code what}, the address and the health line.
   */
  <T> T await(String what, Duration limit, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, limit, Duration.ofMillis(200))
        .ignoring(NoSuchElementException.class)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(
            () ->
                "waiting for "
                    + what
                    + " on "
                    + driver.getCurrentUrl()
                    + " (health line: "
                    + text("#health")
                    + "; action result: "
                    + text("#action-result")
                    + ")")
        .until(condition);
  }

  /** Saves what the browser shows as {@code NAME.png} in the screenshot directory. */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(screenshots);
    Path file = screenshots.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }
}
