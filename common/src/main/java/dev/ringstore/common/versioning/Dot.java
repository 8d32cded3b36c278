package dev.ringstore.common.versioning;

import java.util.Comparator;
import java.util.Objects;

/**
 * The identity of one write: the actor that coordinated it and that actor's counter for the key,
 * starting at 1. No two writes of a key share a dot, so a dot tells a replica whether it has seen a
 * write (its context covers the dot) and whether it still holds it (a sibling carries the dot).
 *
 * <p>Dots order by actor, then counter; sibling lists are kept in this order.
 *
 * @param actor the coordinating actor
 * @param counter the actor's event number for the key, at least 1
 */
public record Dot(ActorId actor, long counter) implements Comparable<Dot> {
  private static final Comparator<Dot> ORDER =
      Comparator.comparing(Dot::actor).thenComparingLong(Dot::counter);

  public Dot {
    Objects.requireNonNull(actor, "actor");
    if (counter < 1) {
      throw new IllegalArgumentException("dot counter must be at least 1, was " + counter);
    }
  }

  @Override
  public int compareTo(Dot other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return actor + ":" + counter;
  }
}
