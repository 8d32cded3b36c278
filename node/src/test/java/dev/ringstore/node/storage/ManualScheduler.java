package dev.ringstore.node.storage;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose periodic tasks run only when the test says so: it records what the engine
 * schedules and hands back a future that never fires by itself.
 */
final class ManualScheduler extends ScheduledThreadPoolExecutor {
  private Runnable periodic;
  private Duration delay;
  private ScheduledFuture<?> future;

  ManualScheduler() {
    super(1);
  }

  @Override
  public synchronized ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    this.periodic = command;
    this.delay = Duration.ofNanos(unit.toNanos(delay));
    this.future = super.schedule(() -> {}, 365, TimeUnit.DAYS);
    return future;
  }

  /** Runs the periodic task once, as if its delay had passed. */
  synchronized void tick() {
    if (periodic != null && !future.isCancelled()) {
      periodic.run();
    }
  }

  synchronized Duration delay() {
    return delay;
  }

  synchronized boolean cancelled() {
    return future != null && future.isCancelled();
  }
}
