package dev.ringstore.node.server;

import dev.ringstore.node.coordinator.DeadlineTimer;
import dev.ringstore.node.coordinator.StorageByteBudget;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's threads besides Netty's: the bounded storage pool that runs every blocking storage call
 * (a full queue answers OVERLOADED), a timer for probes, a timing wheel for request deadlines, and
 * one thread for hint replay, which blocks on acknowledgements. Beside the pool, the byte budget of
 * the writes waiting for storage ({@link NodeConfig#storageQueueBytes}; over it, OVERLOADED too).
 */
final class NodeExecutors implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NodeExecutors.class);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

  private final ThreadPoolExecutor storage;
  private final StorageByteBudget storageBytes;
  private final ScheduledExecutorService timer;
  private final ScheduledExecutorService hints;
  private final DeadlineTimer deadlines;
  private final ScheduledExecutorService antiEntropy;
  private final ScheduledExecutorService transfers;

  private NodeExecutors(
      ThreadPoolExecutor storage,
      StorageByteBudget storageBytes,
      ScheduledExecutorService timer,
      ScheduledExecutorService hints,
      DeadlineTimer deadlines) {
    this.storage = storage;
    this.storageBytes = storageBytes;
    this.timer = timer;
    this.hints = hints;
    this.deadlines = deadlines;
    this.antiEntropy =
        Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "ringstore-antientropy"));
    this.transfers =
        Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "ringstore-transfer"));
  }

  static NodeExecutors start(NodeConfig config) {
    String node = config.id().value();
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor storage =
        new ThreadPoolExecutor(
            config.effectiveStorageThreads(),
            config.effectiveStorageThreads(),
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(config.storageQueue()),
            task -> daemon(task, "ringstore-storage-" + node + "-" + threads.incrementAndGet()),
            new ThreadPoolExecutor.AbortPolicy());
    return new NodeExecutors(
        storage,
        new StorageByteBudget(config.effectiveStorageQueueBytes()),
        Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "ringstore-timer-" + node)),
        Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "ringstore-hints-" + node)),
        new DeadlineTimer(task -> daemon(task, "ringstore-deadlines-" + node)));
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  ThreadPoolExecutor storage() {
    return storage;
  }

  /** The bytes of writes accepted for storage and not yet written, bounded. */
  StorageByteBudget storageBytes() {
    return storageBytes;
  }

  ScheduledExecutorService timer() {
    return timer;
  }

  DeadlineTimer deadlines() {
    return deadlines;
  }

  void every(Duration interval, Runnable task) {
    schedule(timer, interval, task);
  }

  void everyOnHintThread(Duration interval, Runnable task) {
    schedule(hints, interval, task);
  }

  /** Runs {@code task} once on the hint thread after {@code delay}; not at all if closing. */
  void onHintThreadAfter(Duration delay, Runnable task) {
    try {
      hints.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      log.info("the node is closing; a task for the hint thread was not run");
    }
  }

  void everyOnAntiEntropyThread(Duration interval, Runnable task) {
    schedule(antiEntropy, interval, task);
  }

  /**
   * Runs {@code task} on the anti-entropy thread after {@code first}, then again after whatever
   * delay each run returns (a task with nothing to do sleeps long instead of waking to find so).
   */
  void repeatOnAntiEntropyThread(Duration first, Supplier<Duration> task) {
    repeat(antiEntropy, first, task, first);
  }

  private static void repeat(
      ScheduledExecutorService on, Duration delay, Supplier<Duration> task, Duration onFailure) {
    try {
      on.schedule(
          () -> {
            Duration next = onFailure;
            try {
              next = task.get();
            } catch (RuntimeException e) {
              if (on.isShutdown()) {
                return; // interrupted by close: not a failure
              }
              log.warn("background task failed; it runs again in {} ms", onFailure.toMillis(), e);
            }
            repeat(on, next, task, onFailure);
          },
          Math.max(1, delay.toMillis()),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // the node is closing
    }
  }

  void everyOnTransferThread(Duration interval, Runnable task) {
    schedule(transfers, interval, task);
  }

  private static void schedule(ScheduledExecutorService on, Duration interval, Runnable task) {
    long millis = Math.max(1, interval.toMillis());
    on.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            if (!on.isShutdown()) { // else interrupted by close: not a failure
              log.warn("background task failed; it runs again in {} ms", millis, e);
            }
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
  }

  /**
   * Stops the background threads and waits until what already runs on them has finished (the
   * storage pool first drains its queue; each waits at most ten seconds), so that no gossip round,
   * probe, heartbeat or replay reaches the network after this returns: the node closes its
   * connections and event loops next, and Netty logs an error for work that reaches stopped loops.
   * The deadline timer stops last, so that requests still waiting on storage can time out.
   */
  @Override
  public void close() {
    hints.shutdownNow();
    antiEntropy.shutdownNow();
    transfers.shutdownNow();
    timer.shutdownNow();
    storage.shutdown();
    try {
      if (!storage.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        storage.shutdownNow();
      }
      for (ExecutorService background : List.of(timer, hints, antiEntropy, transfers)) {
        if (!background.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          log.warn(
              "a background task still runs {} s after the node closed", DRAIN_TIMEOUT.toSeconds());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      deadlines.close();
    }
  }
}
