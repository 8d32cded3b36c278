package dev.ringstore.node.cluster;

import dev.ringstore.common.NodeId;
import dev.ringstore.ring.BucketTable;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * What a node knows of its cluster's layout: the bucket table it routes by and where each member
 * listens. Today a static member list ({@link StaticClusterView}); the config service's table cache
 * replaces it without the coordinator noticing.
 */
public interface ClusterView {

  /** This node. */
  NodeId self();

  /** The newest bucket table this node holds. */
  BucketTable table();

  /** Where {@code node} serves the protocol, if it is a member this node knows of. */
  Optional<InetSocketAddress> address(NodeId node);
}
