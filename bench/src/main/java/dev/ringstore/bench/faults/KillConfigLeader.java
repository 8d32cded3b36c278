package dev.ringstore.bench.faults;

import java.util.Optional;

/**
 * SIGKILL of the config service's leader (the replica that last logged becoming leader, in the
 * highest term), started again at the heal. The data path must not notice: the config service is
 * never on it.
 */
final class KillConfigLeader implements Nemesis {
  private final FaultCluster cluster;
  private RingstoreProcess killed;

  KillConfigLeader(FaultCluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public String name() {
    return "config-leader";
  }

  @Override
  public String inject() throws Exception {
    Optional<String> leader = LeaderTerms.read(cluster.configLogs()).currentLeader();
    if (leader.isEmpty()) {
      return "no config leader logged yet: nothing killed";
    }
    killed = cluster.process(leader.get());
    killed.kill();
    return "kill -9 config leader " + leader.get();
  }

  @Override
  public void heal() {
    if (killed != null) {
      killed.restart();
      killed = null;
    }
  }
}
