package dev.ringstore.ring;

import dev.ringstore.common.NodeId;
import java.util.Objects;
import java.util.Optional;

/**
 * A physical node as the ring sees it: its id and, optionally, its zone (a rack, a data-center
 * room, an availability zone). Replicas of a bucket are spread over as many distinct zones as the
 * replication factor allows.
 */
public record Member(NodeId id, String zone) {
  public Member {
    Objects.requireNonNull(id, "id");
    if (zone != null && zone.isBlank()) {
      throw new InvalidRingException("zone of " + id + " is blank");
    }
  }

  /** A member without a zone. */
  public static Member of(String id) {
    return new Member(NodeId.of(id), null);
  }

  /** A member in the given zone. */
  public static Member of(String id, String zone) {
    return new Member(NodeId.of(id), zone);
  }

  /** The zone, when one is set. */
  public Optional<String> zoneName() {
    return Optional.ofNullable(zone);
  }
}
