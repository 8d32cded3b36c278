package dev.ringstore.node.server;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's threads besides Netty's: the bounded storage pool that runs every blocking storage call
 * (a full queue answers OVERLOADED), a timer for request deadlines and probes, and one thread for
 * hint replay, which blocks on acknowledgements.
 */
final class NodeExecutors implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NodeExecutors.class);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

  private final ThreadPoolExecutor storage;
  private final ScheduledExecutorService timer;
  private final ScheduledExecutorService hints;

  private NodeExecutors(
      ThreadPoolExecutor storage, ScheduledExecutorService timer, ScheduledExecutorService hints) {
    this.storage = storage;
    this.timer = timer;
    this.hints = hints;
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
    // Request deadlines are cancelled as soon as the quorum answers: drop them from the queue then,
    // rather than keeping tens of thousands of dead tasks until their time comes.
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, task -> daemon(task, "ringstore-timer-" + node));
    timer.setRemoveOnCancelPolicy(true);
    return new NodeExecutors(
        storage,
        timer,
        Executors.newSingleThreadScheduledExecutor(
            task -> daemon(task, "ringstore-hints-" + node)));
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  ThreadPoolExecutor storage() {
    return storage;
  }

  ScheduledExecutorService timer() {
    return timer;
  }

  void every(Duration interval, Runnable task) {
    schedule(timer, interval, task);
  }

  void everyOnHintThread(Duration interval, Runnable task) {
    schedule(hints, interval, task);
  }

  private static void schedule(ScheduledExecutorService on, Duration interval, Runnable task) {
    long millis = Math.max(1, interval.toMillis());
    on.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log.warn("background task failed; it runs again in {} ms", millis, e);
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    hints.shutdownNow();
    timer.shutdownNow();
    storage.shutdown();
    try {
      if (!storage.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        storage.shutdownNow();
      }
      hints.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
