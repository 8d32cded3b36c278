package dev.ringstore.node.cluster;

import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.Routing;
import dev.ringstore.ring.BucketTable;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster as one node sees it: who it is, the bucket table it routes by, and where the other
 * members listen. {@link StaticClusterView} is a fixed member list; {@link ConfigClusterView}
 * follows the config service's table versions, buckets in transfer included.
 */
public interface ClusterView {

  /** This node. */
  NodeId self();

  /** The newest bucket table this node holds; reads go to its owners. */
  BucketTable table();

  /**
   * What this node routes by, in the form the config service hands out: the table's version, the
   * current table, the target table while a transfer runs, and every node this one knows. Nodes
   * answer {@code table since vK} queries with it, so a client that knows only seed nodes can
   * route.
   */
  Routing routing();

  /** Where {@code node} serves the protocol, if it is a node this one knows of. */
  Optional<InetSocketAddress> address(NodeId node);

  /** Every node whose address this node knows, itself included. */
  Set<NodeId> knownNodes();

  /** The node whose protocol listens at {@code host:port}, if one does. */
  Optional<NodeId> nodeAt(String hostPort);

  /**
   * The nodes that must also receive every write to {@code bucket} while it is in transfer: those
   * in its target list and not in its current one. Empty when the bucket is not in transfer.
   */
  default List<NodeId> incoming(int bucket) {
    return List.of();
  }

  /** The table version whose transfer is running, or 0 when no bucket is in transfer. */
  default long transferVersion() {
    return 0;
  }
}
