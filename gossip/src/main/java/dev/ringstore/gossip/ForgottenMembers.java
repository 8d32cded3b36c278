package dev.ringstore.gossip;

import dev.ringstore.common.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tombstones of the members a node forgot: id → the generation it had, each kept for {@code ttl}. A
 * slow peer still gossips a forgotten member's last state for a while; without the tombstone that
 * state would come back as a member just joined, be judged down again and wait out another grace. A
 * higher generation is the member restarted, and gets in. Bounded twice, so forged gossip cannot
 * grow it: entries expire, and beyond {@code capacity} the oldest goes first. Cassandra keeps
 * removed endpoints the same way ({@code justRemovedEndpoints}, with a quarantine). Not
 * thread-safe: the {@link Gossiper}'s lock guards it.
 */
final class ForgottenMembers {
  private record Tombstone(long generation, Instant expires) {}

  private final InstantSource clock;
  private final Duration ttl;
  private final int capacity;
  // Insertion order is expiry order: every entry lives the same ttl, and a renewed one is re-added.
  private final Map<NodeId, Tombstone> tombstones = new LinkedHashMap<>();

  ForgottenMembers(InstantSource clock, Duration ttl, int capacity) {
    this.clock = clock;
    this.ttl = ttl;
    this.capacity = capacity;
  }

  void forget(NodeId id, long generation) {
    tombstones.remove(id);
    tombstones.put(id, new Tombstone(generation, clock.instant().plus(ttl)));
    if (tombstones.size() > capacity) {
      Iterator<NodeId> oldest = tombstones.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  /** Whether a state of {@code id} at {@code generation} is of a member forgotten since. */
  boolean blocks(NodeId id, long generation) {
    Tombstone tombstone = tombstones.get(id);
    if (tombstone == null) {
      return false;
    }
    if (!clock.instant().isBefore(tombstone.expires())) {
      tombstones.remove(id);
      return false;
    }
    return generation <= tombstone.generation();
  }

  /** A member back with a newer generation: its tombstone has done its work. */
  void clear(NodeId id) {
    tombstones.remove(id);
  }

  /** Drops the tombstones whose time is up. */
  void expire() {
    Instant now = clock.instant();
    Iterator<Tombstone> it = tombstones.values().iterator();
    while (it.hasNext() && !now.isBefore(it.next().expires())) {
      it.remove();
    }
  }

  int size() {
    return tombstones.size();
  }
}
