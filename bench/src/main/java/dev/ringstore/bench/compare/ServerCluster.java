package dev.ringstore.bench.compare;

import java.util.List;
import java.util.Properties;
import site.ycsb.DB;

/**
 * A running cluster of one system under test, started by the comparison and stopped by it: which
 * processes are its servers (for CPU per operation) and how to make YCSB database instances that
 * talk to it. Closing it stops every process it started and removes its data.
 */
public interface ServerCluster extends AutoCloseable {
  /** "etcd" or "ringstore". */
  String system();

  /** Process ids of every server process (not the load generator), for /proc CPU sampling. */
  List<Long> serverPids();

  /**
   * A new YCSB database for one client thread; {@code properties} holds the run's YCSB properties
   * (the binding reads its knobs from them). Instances may share one client connection pool.
   */
  DB newDb(Properties properties);

  /** Reads that returned siblings so far, for a system that has them (0 otherwise). */
  default long siblingReads() {
    return 0;
  }

  /** Stops every process this cluster started, waits for them to exit, and deletes its data. */
  @Override
  void close();
}
