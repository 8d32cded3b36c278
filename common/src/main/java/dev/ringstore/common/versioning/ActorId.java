package dev.ringstore.common.versioning;

import dev.ringstore.common.NodeId;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Who coordinated a write: a node id plus the incarnation of that node's data directory.
 *
 * <p>The incarnation is a random long chosen when a data directory is created. A node that loses
 * its disk comes back with the same {@link NodeId} but a new incarnation, hence a new actor whose
 * counters start again at 1 without colliding with the dots it issued before. Reusing the old actor
 * would let the replicas that still remember the old, higher counters treat the new writes as
 * already seen and drop them: Riak's kv679 data loss.
 *
 * <p>Actors order by node id, then by incarnation read as an unsigned number (the order of their
 * text form, {@code n1#00000000000005f3}).
 *
 * @param node the node that coordinated the write
 * @param incarnation the node's data-dir incarnation
 */
public record ActorId(NodeId node, long incarnation) implements Comparable<ActorId> {
  private static final HexFormat HEX = HexFormat.of();

  public ActorId {
    Objects.requireNonNull(node, "node");
  }

  /**
   * An actor for a freshly created data directory: the incarnation is drawn from {@code random}.
   */
  public static ActorId newIncarnation(NodeId node, RandomGenerator random) {
    return new ActorId(node, random.nextLong());
  }

  /**
   * Parses the text form, {@code <node id>#<16 hex digits>}.
   *
   * @throws IllegalArgumentException when the text is not an actor id
   */
  public static ActorId parse(String text) {
    int hash = text.lastIndexOf('#');
    String hex = hash < 0 ? "" : text.substring(hash + 1);
    if (hex.length() != 16 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
      throw new IllegalArgumentException(
          "invalid actor id '" + text + "': expected <node id>#<16 hex digits>");
    }
    return new ActorId(NodeId.of(text.substring(0, hash)), HexFormat.fromHexDigitsToLong(hex));
  }

  @Override
  public int compareTo(ActorId other) {
    int byNode = node.compareTo(other.node);
    return byNode != 0 ? byNode : Long.compareUnsigned(incarnation, other.incarnation);
  }

  @Override
  public String toString() {
    return node + "#" + HEX.toHexDigits(incarnation);
  }
}
