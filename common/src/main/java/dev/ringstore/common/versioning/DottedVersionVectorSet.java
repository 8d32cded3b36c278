package dev.ringstore.common.versioning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a replica stores for one key: the concurrent values (siblings), each with the dot of the
 * write that made it, and a causal context, the vector of every write this replica has seen for the
 * key, including those it has since discarded.
 *
 * <p>Design note. This is the dotted version vector set of Almeida, Baquero, Gonçalves, Preguiça
 * and Fonte, "Scalable and Accurate Causality Tracking for Eventually Consistent Stores" (DAIS
 * 2014), in the form Riak 2.x stores: one dot per sibling plus one vector for the whole set. Actors
 * are the coordinating servers, not clients, yet concurrency is tracked exactly: a write discards
 * the siblings whose dots its client context covers and nothing else, so two clients racing on one
 * key keep at most two siblings instead of the unbounded growth plain per-server version vectors
 * show (Riak's "sibling explosion"). A replica drops another replica's sibling on {@link #sync}
 * only when its own context covers that sibling's dot but it no longer holds it, that is when it
 * has seen the write and seen it superseded. Time plays no part.
 *
 * <p>Invariants: every sibling's dot is covered by the context; no two siblings share a dot;
 * siblings are kept sorted by dot, so equal sets are {@link #equals equal}. Immutable.
 */
public final class DottedVersionVectorSet {
  private static final DottedVersionVectorSet EMPTY =
      new DottedVersionVectorSet(VersionVector.empty(), List.of());

  private final VersionVector context;
  private final List<Sibling> siblings;
  private volatile Object derived; // see derived(): computed from this set alone, at most once

  private DottedVersionVectorSet(VersionVector context, List<Sibling> siblings) {
    this.context = context;
    this.siblings = siblings;
  }

  /** The state of a key nobody has written. */
  public static DottedVersionVectorSet empty() {
    return EMPTY;
  }

  /**
   * The set with the given context and siblings, in any order.
   *
   * @throws IllegalArgumentException when the context does not cover a sibling's dot or two
   *     siblings share a dot
   */
  public static DottedVersionVectorSet of(CausalContext context, Collection<Sibling> siblings) {
    List<Sibling> sorted = new ArrayList<>(siblings);
    sorted.sort(Comparator.comparing(Sibling::dot));
    for (int i = 0; i < sorted.size(); i++) {
      Dot dot = sorted.get(i).dot();
      if (!context.covers(dot)) {
        throw new IllegalArgumentException("context " + context + " does not cover sibling " + dot);
      }
      if (i > 0 && sorted.get(i - 1).dot().equals(dot)) {
        throw new IllegalArgumentException("two siblings share the dot " + dot);
      }
    }
    return ofTrusted(context.versionVector(), sorted);
  }

  /** A set from parts that already satisfy the invariants; takes over {@code sortedSiblings}. */
  static DottedVersionVectorSet ofTrusted(VersionVector context, List<Sibling> sortedSiblings) {
    return context.isEmpty() && sortedSiblings.isEmpty()
        ? EMPTY
        : new DottedVersionVectorSet(context, Collections.unmodifiableList(sortedSiblings));
  }

  /**
   * A write of {@code value} coordinated by {@code coordinator}, from a client that read {@code
   * clientContext} (or {@link CausalContext#EMPTY} when it read nothing).
   *
   * <p>Siblings the client has seen (dots covered by its context) are discarded; every other
   * sibling stays. The new sibling's dot is the coordinator's next counter after both this set's
   * context and the client's, so it is new to everyone who took part. The context becomes the join
   * of both plus the new dot.
   */
  public DottedVersionVectorSet update(
      CausalContext clientContext, byte[] value, long timestampMillis, ActorId coordinator) {
    Objects.requireNonNull(value, "value");
    return write(clientContext, coordinator, dot -> Sibling.of(dot, value, timestampMillis));
  }

  /**
   * A delete: an {@link #update} whose new sibling is a tombstone. The tombstone supersedes what
   * the client saw and, like any write, survives next to concurrent writes.
   */
  public DottedVersionVectorSet delete(
      CausalContext clientContext, long timestampMillis, ActorId coordinator) {
    return write(clientContext, coordinator, dot -> Sibling.tombstone(dot, timestampMillis));
  }

  private DottedVersionVectorSet write(
      CausalContext clientContext, ActorId coordinator, Function<Dot, Sibling> newSibling) {
    Objects.requireNonNull(clientContext, "clientContext");
    Objects.requireNonNull(coordinator, "coordinator");
    VersionVector seen = context.merge(clientContext.versionVector());
    Dot dot = seen.nextDot(coordinator);
    List<Sibling> kept = new ArrayList<>(siblings.size() + 1);
    for (Sibling sibling : siblings) {
      if (!clientContext.covers(sibling.dot())) {
        kept.add(sibling);
      }
    }
    kept.add(newSibling.apply(dot));
    kept.sort(Comparator.comparing(Sibling::dot));
    return ofTrusted(seen.increment(coordinator), kept);
  }

  /**
   * The merge of two replicas' states of the same key, as read repair, anti-entropy and handoff do
   * it. The context is the pointwise maximum. A sibling of one side survives when the other side
   * holds the same dot too, or has not seen that write; it is dropped when the other side has seen
   * the write and no longer holds it (someone superseded it). Commutative, associative and
   * idempotent.
   */
  public DottedVersionVectorSet sync(DottedVersionVectorSet other) {
    // Fast paths, exact because sync is idempotent and empty is its identity: replicas that agree
    // (nearly every read) and keys one side lacks cost a comparison, not a merge.
    if (other == this || other == EMPTY || equals(other)) {
      return this;
    }
    if (this == EMPTY) {
      return other;
    }
    TreeMap<Dot, Sibling> merged = new TreeMap<>();
    Set<Dot> otherDots = other.dots();
    for (Sibling sibling : siblings) {
      if (otherDots.contains(sibling.dot()) || !other.context.covers(sibling.dot())) {
        merged.put(sibling.dot(), sibling);
      }
    }
    Set<Dot> ownDots = dots();
    for (Sibling sibling : other.siblings) {
      if (ownDots.contains(sibling.dot()) || !context.covers(sibling.dot())) {
        merged.merge(sibling.dot(), sibling, DottedVersionVectorSet::sameDot);
      }
    }
    return ofTrusted(context.merge(other.context), new ArrayList<>(merged.values()));
  }

  /**
   * Two siblings with one dot are one write, so they are equal. Only a reused actor (the kv679 bug
   * incarnations prevent) makes them differ; keep a deterministic one so sync stays commutative
   * even then.
   */
  private static Sibling sameDot(Sibling a, Sibling b) {
    int byTime = Long.compare(a.timestampMillis(), b.timestampMillis());
    if (byTime != 0) {
      return byTime > 0 ? a : b;
    }
    byte[] valueA = a.valueOrNull();
    byte[] valueB = b.valueOrNull();
    if (valueA == null || valueB == null) {
      return valueA == null ? a : b;
    }
    return Arrays.compareUnsigned(valueA, valueB) >= 0 ? a : b;
  }

  private Set<Dot> dots() {
    Set<Dot> dots = new HashSet<>(siblings.size() * 2);
    siblings.forEach(sibling -> dots.add(sibling.dot()));
    return dots;
  }

  /** Everything this replica has seen of the key: what a read hands the client. */
  public CausalContext context() {
    return CausalContext.of(context);
  }

  /** The siblings, tombstones included, sorted by dot. */
  public List<Sibling> siblings() {
    return siblings;
  }

  /** Copies of the live (non-tombstone) values, in dot order. */
  public List<byte[]> values() {
    List<byte[]> values = new ArrayList<>(siblings.size());
    for (Sibling sibling : siblings) {
      sibling.value().ifPresent(values::add);
    }
    return values;
  }

  /** Whether a read should report a value: at least one sibling is not a tombstone. */
  public boolean isFound() {
    return siblings.stream().anyMatch(sibling -> !sibling.isTombstone());
  }

  /** Whether the key has been deleted and nothing was written concurrently with the delete. */
  public boolean isTombstoneOnly() {
    return !siblings.isEmpty() && siblings.stream().allMatch(Sibling::isTombstone);
  }

  /** The number of siblings, tombstones included. */
  public int size() {
    return siblings.size();
  }

  /**
   * A value computed from this set alone by {@code derive}, kept with the set after the first call:
   * the set is immutable, so what is derived from it once holds for its life. One slot, for one
   * kind of value (the Merkle trees' version digest: a replica write needs the digest of the set it
   * replaces, which the write before it computed for the same instance); asked for another kind it
   * computes without keeping. Thread-safe; two threads may both compute on first use.
   */
  public <T> T derived(Class<T> kind, Function<DottedVersionVectorSet, T> derive) {
    Object known = derived;
    if (kind.isInstance(known)) {
      return kind.cast(known);
    }
    T value = derive.apply(this);
    if (known == null) {
      derived = value;
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DottedVersionVectorSet other
        && context.equals(other.context)
        && siblings.equals(other.siblings);
  }

  @Override
  public int hashCode() {
    return 31 * context.hashCode() + siblings.hashCode();
  }

  @Override
  public String toString() {
    return "DottedVersionVectorSet{context=" + context + ", siblings=" + siblings + "}";
  }
}
