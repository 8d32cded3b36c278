package dev.ringstore.bench.faults;

import dev.ringstore.client.ConflictResolver;
import dev.ringstore.client.SyncStore;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds unique elements ({@code <client>-<seq>}) to a few shared set keys in turn, through {@code
 * update()} with a resolver: {@link ConflictResolver#union()} normally; in the control run
 * last-writer-wins by a timestamp element ({@link #STAMP} + epoch millis) each write replaces,
 * which drops a concurrent sibling's adds when it resolves — the loss the checker must report.
 */
final class SetAddWorkload extends Workload {
  /** Prefix of the timestamp element of the last-writer-wins control run; not data. */
  static final String STAMP = "~t=";

  private final SyncStore<Set<String>> store;
  private final List<String> keys;
  private final String client;
  private final boolean lastWriterWins;

  SetAddWorkload(
      SyncStore<Set<String>> store,
      List<String> keys,
      String client,
      boolean lastWriterWins,
      HistoryLog history,
      InstantSource clock,
      long deadline,
      long pauseMillis) {
    super(history, clock, deadline, pauseMillis);
    this.store = store;
    this.keys = List.copyOf(keys);
    this.client = client;
    this.lastWriterWins = lastWriterWins;
  }

  @Override
  void step(int seq) {
    String key = keys.get(seq % keys.size());
    String element = client + "-" + seq;
    ConflictResolver<Set<String>> resolver =
        lastWriterWins
            ? ConflictResolver.lastWriterWins(SetAddWorkload::stamp)
            : ConflictResolver.union();
    record(
        SET,
        key,
        element,
        () ->
            store.update(
                key,
                resolver,
                current -> {
                  Set<String> next = new HashSet<>(current.orElse(Set.of()));
                  next.add(element);
                  if (lastWriterWins) {
                    next.removeIf(e -> e.startsWith(STAMP));
                    next.add(STAMP + now());
                  }
                  return next;
                }));
  }

  /** The newest timestamp element of a set, 0 when it has none. */
  static long stamp(Set<String> set) {
    return set.stream()
        .filter(e -> e.startsWith(STAMP))
        .mapToLong(e -> Long.parseLong(e.substring(STAMP.length())))
        .max()
        .orElse(0);
  }
}
