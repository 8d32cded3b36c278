package dev.ringstore.node.storage;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The background task of {@link Durability#ASYNC}: runs a WAL sync every interval, with a fixed
 * delay so a slow disk never queues syncs up. Runs on a scheduler it is given (and leaves running)
 * or on a single daemon thread of its own (shut down on close).
 */
final class WalSyncer implements AutoCloseable {
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final ScheduledFuture<?> task;

  private WalSyncer(
      ScheduledExecutorService scheduler, boolean owns, Duration every, Runnable sync) {
    this.scheduler = scheduler;
    this.ownsScheduler = owns;
    long nanos = every.toNanos();
    this.task = scheduler.scheduleWithFixedDelay(sync, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  /** Syncs on {@code scheduler}, which the caller owns. {@code sync} must not throw. */
  static WalSyncer on(ScheduledExecutorService scheduler, Duration every, Runnable sync) {
    return new WalSyncer(scheduler, false, every, sync);
  }

  /** Syncs on a thread of its own. {@code sync} must not throw. */
  static WalSyncer onOwnThread(Duration every, Runnable sync) {
    ScheduledThreadPoolExecutor own =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "ringstore-wal-sync");
              thread.setDaemon(true);
              return thread;
            });
    own.setRemoveOnCancelPolicy(true);
    return new WalSyncer(own, true, every, sync);
  }

  /** Stops syncing; waits for a running sync only on its own thread. Idempotent. */
  @Override
  public void close() {
    task.cancel(false);
    if (ownsScheduler) {
      scheduler.shutdown();
      try {
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
