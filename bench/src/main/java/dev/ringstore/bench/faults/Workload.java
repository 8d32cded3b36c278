package dev.ringstore.bench.faults;

import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * One client thread's workload: it repeats {@link #step} until a deadline, appending each operation
 * with its outcome to the {@link HistoryLog}. The three workloads of issue 15:
 *
 * <ul>
 *   <li>{@link #SET}: unique elements added to a few shared keys with {@code update()} and a
 *       resolver (union; last-writer-wins in the control run);
 *   <li>{@link #UNIQUE}: puts of keys nobody else writes, with W=2;
 *   <li>{@link #REGISTER}: {@code putIfAbsent} races on a register per second of the run.
 * </ul>
 */
abstract class Workload implements Callable<Integer> {
  static final String SET = "set";
  static final String UNIQUE = "unique";
  static final String REGISTER = "register";

  /** Refusals that happen before anything is written: definite failures, not indeterminate. */
  private static final Set<ErrorCode> REFUSED =
      Set.of(
          ErrorCode.CONDITION_FAILED,
          ErrorCode.OVERLOADED,
          ErrorCode.BAD_REQUEST,
          ErrorCode.TOO_LARGE,
          ErrorCode.TOO_MANY_SIBLINGS,
          ErrorCode.STALE_TABLE);

  private final HistoryLog history;
  private final InstantSource clock;
  private final long deadline;
  private final long pauseMillis;

  Workload(HistoryLog history, InstantSource clock, long deadline, long pauseMillis) {
    this.history = history;
    this.clock = clock;
    this.deadline = deadline;
    this.pauseMillis = pauseMillis;
  }

  /** Runs steps until the deadline; returns how many operations it invoked. */
  @Override
  public Integer call() throws InterruptedException {
    int count = 0;
    while (clock.millis() < deadline) {
      step(count++);
      Thread.sleep(pauseMillis);
    }
    return count;
  }

  /** Invokes the {@code seq}-th operation and records it through {@link #record}. */
  abstract void step(int seq) throws InterruptedException;

  long now() {
    return clock.millis();
  }

  /** Runs {@code write}, classifying its outcome, and appends the operation to the history. */
  void record(String workload, String key, String value, Runnable write) {
    long invoked = clock.millis();
    Outcome outcome = Outcome.OK;
    String error = "";
    try {
      write.run();
    } catch (RingstoreException e) {
      outcome = REFUSED.contains(e.code()) ? Outcome.FAIL : Outcome.INFO;
      error = e.code().name();
    } catch (RuntimeException e) {
      outcome = Outcome.INFO;
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    history.append(new Op(workload, key, value, outcome, invoked, clock.millis(), error));
  }
}
