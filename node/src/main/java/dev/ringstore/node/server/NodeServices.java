package dev.ringstore.node.server;

import dev.ringstore.common.NodeId;
import dev.ringstore.node.cluster.ClusterSettings;
import dev.ringstore.node.cluster.ClusterView;
import dev.ringstore.node.storage.CoordinatorActors;
import java.time.InstantSource;

/**
 * What every part of a node's request path shares: who it is, the actors it versions writes with,
 * its clock, the cluster as it sees it, and the request defaults.
 */
record NodeServices(
    CoordinatorActors actors, InstantSource clock, ClusterView cluster, ClusterSettings settings) {

  NodeId self() {
    return cluster.self();
  }

  int bucketOf(byte[] key) {
    return cluster.table().bucketOf(key);
  }

  long tableVersion() {
    return cluster.table().version();
  }
}
