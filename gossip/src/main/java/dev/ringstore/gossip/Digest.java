package dev.ringstore.gossip;

import dev.ringstore.common.NodeId;
import java.util.Objects;

/**
 * How much a node knows of one member: which incarnation and how far into it. A SYN carries one per
 * known member, so two nodes find what they disagree on without sending the states themselves.
 */
public record Digest(NodeId id, long generation, long version) {
  public Digest {
    Objects.requireNonNull(id, "id");
    if (generation < 0 || version < 0) {
      throw new IllegalArgumentException(
          "generation and version are not negative: " + id + " " + generation + "/" + version);
    }
  }

  /** Negative, zero or positive as {@code this} knows less, as much or more than {@code other}. */
  public int compareVersion(long otherGeneration, long otherVersion) {
    int byGeneration = Long.compare(generation, otherGeneration);
    return byGeneration != 0 ? byGeneration : Long.compare(version, otherVersion);
  }
}
