package dev.ringstore.cli;

/** A server process of a local cluster: a storage node or a config-service replica. */
interface LocalServer {
  /** Its id, n1 or c1. */
  String id();

  /** What it is, for messages: "node" or "config replica". */
  String kind();

  ChildProcess child();

  /** Its entry in local-cluster.json. */
  LocalProcess describe();
}
