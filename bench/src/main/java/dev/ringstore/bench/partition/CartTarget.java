package dev.ringstore.bench.partition;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What the availability load does to a system: add an element to a cart (a set per key) and read a
 * cart. Both systems keep the same sets, each in its own way: Ringstore as one value per cart whose
 * concurrent versions survive as siblings (merged by union), etcd as one key per element under the
 * cart's prefix (so no write needs to read first).
 */
interface CartTarget extends AutoCloseable {
  /** Adds {@code element} to {@code cart}; completes normally once the system acknowledged it. */
  CompletableFuture<Void> add(String cart, String element);

  /** Reads {@code cart}; completes with its elements (empty when absent). */
  CompletableFuture<Set<String>> read(String cart);

  @Override
  void close();
}
