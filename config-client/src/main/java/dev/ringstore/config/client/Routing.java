package dev.ringstore.config.client;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.RoutingState;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.BucketTableBinary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One version of what nodes and clients route by: the current bucket table, the target table while
 * buckets are in transfer (null otherwise), and where every known node listens. During a transfer
 * writes go to a bucket's owners in both tables and reads to the current owners.
 */
public record Routing(
    long version, BucketTable current, BucketTable target, Map<NodeId, NodeRecord> nodes) {
  public Routing {
    nodes = Collections.unmodifiableMap(new TreeMap<>(nodes));
  }

  /** Decodes a {@link RoutingState} that is not {@code unchanged} and has a table. */
  public static Routing fromProto(RoutingState state) {
    Map<NodeId, NodeRecord> nodes = new TreeMap<>();
    state.getNodesList().forEach(n -> nodes.put(NodeId.of(n.getId()), n));
    BucketTable current = BucketTableBinary.decode(state.getCurrent().toByteArray());
    BucketTable target =
        state.getTarget().isEmpty()
            ? null
            : BucketTableBinary.decode(state.getTarget().toByteArray());
    return new Routing(state.getVersion(), current, target, nodes);
  }

  public boolean inTransfer() {
    return target != null;
  }

  /** Where a node serves the node protocol, if it is known. */
  public Optional<String> address(NodeId node) {
    NodeRecord record = nodes.get(node);
    return record == null || record.getAddress().isEmpty()
        ? Optional.empty()
        : Optional.of(record.getAddress());
  }

  /**
   * The nodes that must receive a bucket in this transfer: in its target list, not in its current
   * one. Empty when the bucket is not in transfer.
   */
  public List<NodeId> incoming(int bucket) {
    if (target == null) {
      return List.of();
    }
    List<NodeId> now = current.preferenceList(bucket).nodes();
    List<NodeId> in = new ArrayList<>();
    for (NodeId n : target.preferenceList(bucket).nodes()) {
      if (!now.contains(n)) {
        in.add(n);
      }
    }
    return in;
  }

  /** The wire and cache form. */
  public RoutingState toProto() {
    RoutingState.Builder state =
        RoutingState.newBuilder()
            .setVersion(version)
            .setCurrent(ByteString.copyFrom(BucketTableBinary.encode(current)))
            .addAllNodes(nodes.values());
    if (target != null) {
      state.setTarget(ByteString.copyFrom(BucketTableBinary.encode(target)));
    }
    return state.build();
  }
}
