package dev.ringstore.node.storage;

import dev.ringstore.common.versioning.DottedVersionVectorSet;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that applies a node's data writes, in batches: it takes every update waiting,
 * applies each change in arrival order, writes them all as one RocksDB write batch with one WAL
 * sync, and only then completes their futures (etcd's and RocksDB's group commit, done once per
 * node instead of by dozens of threads racing for RocksDB's write leader). One writer makes each
 * key's updates atomic without locks, keeps the fsync count per write low under load and leaves no
 * thread waiting on the disk but this one.
 *
 * <p>The queue is bounded: a full queue fails the update with {@link RejectedExecutionException},
 * which the node answers as OVERLOADED.
 */
final class GroupCommit implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  /** Most updates in one batch: enough to cover a node's clients, small enough to stay fair. */
  static final int MAX_BATCH = 512;

  /** One update waiting for the writer. */
  record Update(
      DataKey key,
      UnaryOperator<DottedVersionVectorSet> change,
      CompletableFuture<DottedVersionVectorSet> done) {}

  private final BlockingQueue<Update> queue;
  private final Consumer<List<Update>> commit;
  private final Thread thread;
  private volatile boolean closed;

  /**
   * @param commit applies, writes and completes one batch; runs on the writer thread only
   */
  GroupCommit(String name, int capacity, Consumer<List<Update>> commit) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.commit = commit;
    // A Netty thread-local thread: the writer completes the futures whose continuations send
    // replica writes and responses, and Netty's buffer pools read their thread-locals fast there.
    this.thread = new FastThreadLocalThread(this::run, name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues an update; the future completes once it is written (or fails). */
  CompletableFuture<DottedVersionVectorSet> submit(
      DataKey key, UnaryOperator<DottedVersionVectorSet> change) {
    CompletableFuture<DottedVersionVectorSet> done = new CompletableFuture<>();
    Update update = new Update(key, change, done);
    if (Thread.currentThread() == thread) {
      commit.accept(List.of(update)); // from a completion on the writer itself: no queueing
    } else if (closed) {
      done.completeExceptionally(new IllegalStateException("storage engine is closed (update)"));
    } else if (!queue.offer(update)) {
      done.completeExceptionally(new RejectedExecutionException("the storage write queue is full"));
    } else if (closed && queue.remove(update)) {
      done.completeExceptionally(new IllegalStateException("storage engine is closed (update)"));
    }
    return done;
  }

  private void run() {
    List<Update> batch = new ArrayList<>(MAX_BATCH);
    while (!closed || !queue.isEmpty()) {
      try {
        Update first = queue.take();
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        commit.accept(List.copyOf(batch));
      } catch (InterruptedException e) {
        if (!closed) {
          log.warn("storage writer interrupted while open; stopping");
          closed = true;
        }
      } catch (RuntimeException | Error e) {
        log.error("storage writer failed a batch", e);
        batch.forEach(u -> u.done().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
  }

  /** Stops taking updates, writes what is queued, and waits for the writer to finish. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Update left;
    while ((left = queue.poll()) != null) {
      left.done().completeExceptionally(new IllegalStateException("storage engine is closed"));
    }
  }
}
