package dev.ringstore.bench.faults;

/**
 * How an operation ended, in Jepsen's terms: {@code OK} acknowledged (it must survive), {@code
 * FAIL} refused before it did anything (a conditional put that found the key taken), {@code INFO}
 * indeterminate — timed out or unavailable after being sent, so it may or may not have landed and
 * is never counted lost.
 */
enum Outcome {
  OK,
  FAIL,
  INFO
}
