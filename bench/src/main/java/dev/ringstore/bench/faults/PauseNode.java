package dev.ringstore.bench.faults;

import java.util.random.RandomGenerator;

/**
 * SIGSTOP of one node chosen at random, SIGCONT at the heal (the fault window is 20 s): a process
 * that holds its connections open and answers nothing, like a long GC pause or a stalled VM.
 */
final class PauseNode implements Nemesis {
  private final FaultCluster cluster;
  private final RandomGenerator random;
  private RingstoreProcess paused;

  PauseNode(FaultCluster cluster, RandomGenerator random) {
    this.cluster = cluster;
    this.random = random;
  }

  @Override
  public String name() {
    return "pause";
  }

  @Override
  public String inject() {
    paused = cluster.process("n" + (1 + random.nextInt(FaultCluster.NODE_HOSTS.size())));
    paused.pause();
    return "SIGSTOP " + paused.id();
  }

  @Override
  public void heal() {
    if (paused != null) {
      paused.resume();
      paused = null;
    }
  }
}
