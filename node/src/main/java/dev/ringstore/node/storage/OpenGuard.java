package dev.ringstore.node.storage;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.RocksDBException;

/**
 * Keeps calls off closed native handles: RocksDB crashes the JVM when used after close. Calls hold
 * a shared (read) lock; close takes the exclusive one, so it waits for calls in flight, and every
 * later call fails with {@link IllegalStateException}. Also turns {@link RocksDBException} into
 * {@link StorageException}.
 */
final class OpenGuard {
  /** A call on the open database. */
  interface Call<T> {
    T call() throws RocksDBException;
  }

  /** A call on the open database with no result. */
  interface Action {
    void run() throws RocksDBException;
  }

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed; // guarded by lock

  <T> T call(String operation, Call<T> call) {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("storage engine is closed (" + operation + ")");
      }
      return call.call();
    } catch (RocksDBException e) {
      throw new StorageException(operation + " failed: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Like {@link #call} but never waits: when the engine is closing or closed, returns {@code
   * whenUnavailable} at once. For calls from threads that must not block.
   */
  <T> T tryCall(java.util.function.Supplier<T> call, T whenUnavailable) {
    if (!lock.readLock().tryLock()) {
      return whenUnavailable;
    }
    try {
      return closed ? whenUnavailable : call.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  void run(String operation, Action action) {
    call(
        operation,
        () -> {
          action.run();
          return null;
        });
  }

  /** Runs {@code closer} once no call is in flight, unless already closed; later calls fail. */
  void close(Runnable closer) {
    lock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        closer.run();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }
}
