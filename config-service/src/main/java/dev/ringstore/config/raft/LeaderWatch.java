package dev.ringstore.config.raft;

import dev.ringstore.config.LeaderChange;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells listeners of each leader one replica learns of, and remembers the latest for listeners that
 * arrive later. Ratis reports a new leader from inside its election and append-entries code, so a
 * listener that throws is logged and ignored rather than allowed to break Raft.
 */
final class LeaderWatch {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderWatch.class);

  private final List<Consumer<LeaderChange>> listeners = new CopyOnWriteArrayList<>();
  private volatile LeaderChange latest;

  void observed(LeaderChange change) {
    latest = change;
    listeners.forEach(l -> tell(l, change));
  }

  /** Adds a listener and tells it the latest change already seen, if any. */
  void add(Consumer<LeaderChange> listener) {
    listeners.add(listener);
    LeaderChange last = latest;
    if (last != null) {
      tell(listener, last);
    }
  }

  private static void tell(Consumer<LeaderChange> listener, LeaderChange change) {
    try {
      listener.accept(change);
    } catch (RuntimeException e) {
      LOG.warn("a leader listener failed on {}", change, e);
    }
  }
}
