package dev.ringstore.cli.console;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium, headless, driven through the system's chromedriver (Debian's {@code
 * chromium} and {@code chromium-driver}, which {@code .ci/run} installs). Selenium never downloads
 * a browser or a driver here: the driver's path is given, so Selenium Manager has nothing to find,
 * and were it run anyway it is told to stay offline.
 */
final class HeadlessChromium {
  static final File BROWSER = new File("/usr/bin/chromium");
  static final File DRIVER = new File("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /**
   * Skips the calling test (a JUnit assumption) with a line on stderr that says what to install,
   * unless both the browser and its driver are there.
   */
  static void assumeInstalled(String suite) {
    boolean installed = BROWSER.canExecute() && DRIVER.canExecute();
    String message =
        "SKIPPED "
            + suite
            + ": needs "
            + BROWSER
            + " and "
            + DRIVER
            + " (apt-get install chromium chromium-driver, as .ci/run does)";
    if (!installed) {
      System.err.println(message);
    }
    Assumptions.assumeTrue(installed, message);
  }

  /** A new headless browser, 1400 × 1000; chromedriver's log goes to {@code driverLog}. */
  static ChromeDriver start(Path driverLog) {
    // Selenium Manager takes SE_* system properties as its settings: offline, no downloads.
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.getPath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER)
            .usingAnyFreePort()
            .withLogFile(driverLog.toFile())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000");
    return new ChromeDriver(service, options);
  }
}
