package dev.ringstore.common.versioning;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A map from actor to counter that stands for a set of dots: actor {@code a} with counter {@code k}
 * means the dots {@code (a,1) .. (a,k)}. Dotted version vector sets keep their causal context in
 * this contiguous form; the gaps a dot-per-write history could have are never needed because every
 * coordinator issues its dots in order and a set that holds dot {@code (a,k)} has seen all of
 * {@code a}'s earlier writes of the key.
 *
 * <p>Immutable. Actors without writes are absent (counter 0); iteration is sorted by actor so that
 * equal vectors encode to equal bytes.
 */
public final class VersionVector {
  private static final VersionVector EMPTY = new VersionVector(new TreeMap<>());

  private final SortedMap<ActorId, Long> counters;

  private VersionVector(TreeMap<ActorId, Long> counters) {
    this.counters = Collections.unmodifiableSortedMap(counters);
  }

  /** The vector that has seen nothing. */
  public static VersionVector empty() {
    return EMPTY;
  }

  /**
   * The vector with the given counters.
   *
   * @throws IllegalArgumentException when a counter is below 1
   */
  public static VersionVector of(Map<ActorId, Long> counters) {
    TreeMap<ActorId, Long> copy = new TreeMap<>();
    counters.forEach(
        (actor, counter) -> {
          if (counter < 1) {
            throw new IllegalArgumentException(
                "counter of " + actor + " must be at least 1, was " + counter);
          }
          copy.put(actor, counter);
        });
    return copy.isEmpty() ? EMPTY : new VersionVector(copy);
  }

  /** The vector from an already checked, sorted map that this class takes over. */
  static VersionVector ofTrusted(TreeMap<ActorId, Long> counters) {
    return counters.isEmpty() ? EMPTY : new VersionVector(counters);
  }

  /** The number of writes by {@code actor} this vector has seen; 0 when none. */
  public long counter(ActorId actor) {
    return counters.getOrDefault(actor, 0L);
  }

  /** Whether the write {@code dot} is among those this vector has seen. */
  public boolean covers(Dot dot) {
    return dot.counter() <= counter(dot.actor());
  }

  /**
   * Whether this vector has seen everything {@code other} has seen (pointwise greater or equal).
   */
  public boolean descends(VersionVector other) {
    if (other.counters.size() > counters.size()) {
      return false;
    }
    for (Map.Entry<ActorId, Long> entry : other.counters.entrySet()) {
      if (counter(entry.getKey()) < entry.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** The least vector that has seen what both have seen: the pointwise maximum. */
  public VersionVector merge(VersionVector other) {
    if (descends(other)) {
      return this;
    }
    if (other.descends(this)) {
      return other;
    }
    TreeMap<ActorId, Long> merged = new TreeMap<>(counters);
    other.counters.forEach((actor, counter) -> merged.merge(actor, counter, Math::max));
    return new VersionVector(merged);
  }

  /** This vector plus the next write by {@code actor}, whose dot is {@link #nextDot}. */
  public VersionVector increment(ActorId actor) {
    TreeMap<ActorId, Long> incremented = new TreeMap<>(counters);
    incremented.put(actor, Math.addExact(counter(actor), 1));
    return new VersionVector(incremented);
  }

  /** The dot of {@code actor}'s next write after everything this vector has seen. */
  public Dot nextDot(ActorId actor) {
    return new Dot(actor, Math.addExact(counter(actor), 1));
  }

  /** The actors with at least one write, in order. */
  public List<ActorId> actors() {
    return List.copyOf(counters.keySet());
  }

  /** An unmodifiable view of the counters, sorted by actor. */
  public SortedMap<ActorId, Long> asMap() {
    return counters;
  }

  public int size() {
    return counters.size();
  }

  public boolean isEmpty() {
    return counters.isEmpty();
  }

  /**
   * Same actors with the same counters. Both maps are sorted by the same order, so they are walked
   * side by side rather than looked up key by key (equals runs on every replica write: a write that
   * changes nothing is not written, and two replicas that agree are found alike).
   */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof VersionVector other) || counters.size() != other.counters.size()) {
      return false;
    }
    Iterator<Map.Entry<ActorId, Long>> theirs = other.counters.entrySet().iterator();
    for (Map.Entry<ActorId, Long> mine : counters.entrySet()) {
      Map.Entry<ActorId, Long> their = theirs.next();
      if (!mine.getKey().equals(their.getKey())
          || mine.getValue().longValue() != their.getValue().longValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return counters.hashCode();
  }

  /** Reads like {@code {n1#00000000000005f3=4, n2#000000000000a11c=1}}. */
  @Override
  public String toString() {
    return counters.toString();
  }
}
