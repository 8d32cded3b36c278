package dev.ringstore.bench.faults;

/**
 * A fault the suite injects into the cluster and takes away again, as in Jepsen: {@link #inject} at
 * the start of a fault window, {@link #heal} at its end. Each run ends with a heal of everything
 * ({@link FaultCluster#healAll}) whatever the nemesis did, also on failure.
 */
interface Nemesis {
  /** The name on the command line and in the summary. */
  String name();

  /** Starts the fault; returns what it did, for the run's log ("isolated s3"). */
  String inject() throws Exception;

  /** Ends the fault this nemesis injected last. */
  void heal() throws Exception;
}
