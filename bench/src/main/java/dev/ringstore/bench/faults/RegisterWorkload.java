package dev.ringstore.bench.faults;

import dev.ringstore.client.SyncStore;
import dev.ringstore.client.WriteOptions;
import java.time.InstantSource;

/**
 * Races {@code putIfAbsent} on registers: in every second of the run all clients try to claim that
 * second's register ({@code <prefix>:reg:<second>}) once, each with its own value. What
 * docs/client.md promises: an acknowledged claim is never lost (two claims can both succeed across
 * a partition, and then both values stay as siblings); a refused one ({@code CONDITION_FAILED})
 * wrote nothing.
 */
final class RegisterWorkload extends Workload {
  private final SyncStore<String> store;
  private final String prefix;
  private final String client;
  private final long startAt;
  private long lastSecond = -1;

  RegisterWorkload(
      SyncStore<String> store,
      String prefix,
      String client,
      HistoryLog history,
      InstantSource clock,
      long startAt,
      long deadline) {
    super(history, clock, deadline, 50);
    this.store = store;
    this.prefix = prefix;
    this.client = client;
    this.startAt = startAt;
  }

  @Override
  void step(int seq) {
    long second = Math.max(0, (now() - startAt) / 1000);
    if (second == lastSecond) {
      return;
    }
    lastSecond = second;
    String key = prefix + ":reg:" + second;
    record(REGISTER, key, client, () -> store.putIfAbsent(key, client, WriteOptions.defaults()));
  }
}
