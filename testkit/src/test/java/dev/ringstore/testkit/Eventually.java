package dev.ringstore.testkit;

import java.time.Duration;

/** Retries an assertion until it holds or a deadline passes, then throws its last failure. */
final class Eventually {
  private Eventually() {}

  static void within(Duration limit, Runnable assertion) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError | RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }
}
