package dev.ringstore.bench.faults;

import dev.ringstore.client.SyncStore;
import dev.ringstore.client.WriteOptions;
import java.time.InstantSource;

/**
 * Puts keys nobody else writes ({@code <prefix>:u:<client>-<seq>}, value {@code v<seq>}) with W=2:
 * each acknowledged put must be on its key after the heal, with that value only.
 */
final class UniquePutWorkload extends Workload {
  private static final WriteOptions W2 = WriteOptions.defaults().withW(2);

  private final SyncStore<String> store;
  private final String prefix;
  private final String client;

  UniquePutWorkload(
      SyncStore<String> store,
      String prefix,
      String client,
      HistoryLog history,
      InstantSource clock,
      long deadline,
      long pauseMillis) {
    super(history, clock, deadline, pauseMillis);
    this.store = store;
    this.prefix = prefix;
    this.client = client;
  }

  @Override
  void step(int seq) {
    String key = prefix + ":u:" + client + "-" + seq;
    String value = "v" + seq;
    record(UNIQUE, key, value, () -> store.put(key, value, null, W2));
  }
}
