package dev.ringstore.common.versioning;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One value of a key as written by one write: the write's {@link Dot}, the value's bytes (or a
 * tombstone, for a delete) and the write's timestamp.
 *
 * <p>The timestamp is epoch milliseconds from the coordinator's injected clock. Causality never
 * looks at it; only an explicit resolver such as {@link LastWriterWins} does, because wall clocks
 * on different nodes disagree.
 *
 * <p>Immutable: the value is copied on the way in and on the way out.
 */
public final class Sibling {
  private final Dot dot;
  private final byte[] value; // null for a tombstone
  private final long timestampMillis;

  private Sibling(Dot dot, byte[] value, long timestampMillis) {
    this.dot = Objects.requireNonNull(dot, "dot");
    this.value = value;
    this.timestampMillis = timestampMillis;
  }

  /** A live value written by the write {@code dot}. */
  public static Sibling of(Dot dot, byte[] value, long timestampMillis) {
    return new Sibling(dot, Objects.requireNonNull(value, "value").clone(), timestampMillis);
  }

  /** The marker left by a delete, written by the write {@code dot}. */
  public static Sibling tombstone(Dot dot, long timestampMillis) {
    return new Sibling(dot, null, timestampMillis);
  }

  /** A live value that takes over {@code value} without copying; for decoders. */
  static Sibling ofOwned(Dot dot, byte[] value, long timestampMillis) {
    return new Sibling(dot, value, timestampMillis);
  }

  public Dot dot() {
    return dot;
  }

  /** A copy of the value, or empty for a tombstone. */
  public Optional<byte[]> value() {
    return value == null ? Optional.empty() : Optional.of(value.clone());
  }

  /** The value without copying, or null for a tombstone; callers must not modify it. */
  byte[] valueOrNull() {
    return value;
  }

  public boolean isTombstone() {
    return value == null;
  }

  /** When the write happened by its coordinator's clock, in epoch milliseconds. */
  public long timestampMillis() {
    return timestampMillis;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sibling other
        && dot.equals(other.dot)
        && timestampMillis == other.timestampMillis
        && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dot, timestampMillis, Arrays.hashCode(value));
  }

  @Override
  public String toString() {
    String what = value == null ? "tombstone" : value.length + " bytes";
    return "Sibling{" + dot + ", " + what + ", at " + timestampMillis + "}";
  }
}
