package dev.ringstore.node.storage;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Lock striping per key: a fixed array of locks, a key's lock chosen by its hash. Two updates of
 * one key always meet on one lock, so each sees the other's result; updates of different keys
 * almost always run in parallel (and, with {@link Durability#FSYNC}, share WAL syncs). Locks are
 * reentrant, so a thread holding one stripe may take it again.
 */
final class KeyLocks {
  /** Enough that 64 concurrent writers rarely collide (expected ~2 collisions), small in memory. */
  static final int DEFAULT_STRIPES = 1024;

  private final ReentrantLock[] stripes;

  KeyLocks(int stripeCount) {
    if (Integer.bitCount(stripeCount) != 1) {
      throw new IllegalArgumentException("stripe count must be a power of two: " + stripeCount);
    }
    stripes = new ReentrantLock[stripeCount];
    for (int i = 0; i < stripeCount; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** Work done under a lock, which may throw what the caller handles. */
  interface Locked<T, E extends Exception> {
    T run() throws E;
  }

  /** Work done under every lock. */
  interface LockedAction<E extends Exception> {
    void run() throws E;
  }

  /** Runs {@code action} holding the stripe of a key with hash {@code keyHash}. */
  <T, E extends Exception> T withKey(int keyHash, Locked<T, E> action) throws E {
    ReentrantLock lock = stripes[spread(keyHash) & (stripes.length - 1)];
    lock.lock();
    try {
      return action.run();
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code action} holding every stripe, taken in index order: no key changes meanwhile. */
  <E extends Exception> void withAllKeys(LockedAction<E> action) throws E {
    int taken = 0;
    try {
      for (ReentrantLock lock : stripes) {
        lock.lock();
        taken++;
      }
      action.run();
    } finally {
      for (int i = taken - 1; i >= 0; i--) {
        stripes[i].unlock();
      }
    }
  }

  /** Mixes high bits into low ones, as HashMap does: array hashes often differ only up high. */
  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
