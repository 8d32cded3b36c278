package dev.ringstore.bench.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * SIGKILL of N−1 = 2 nodes chosen at random (with N = 3 and five nodes, any two hold at most two
 * replicas of any key, so every key keeps one), started again on their data at the heal.
 */
final class KillNodes implements Nemesis {
  private static final int VICTIMS = 2;

  private final FaultCluster cluster;
  private final RandomGenerator random;
  private final List<RingstoreProcess> killed = new ArrayList<>();

  KillNodes(FaultCluster cluster, RandomGenerator random) {
    this.cluster = cluster;
    this.random = random;
  }

  @Override
  public String name() {
    return "kill";
  }

  @Override
  public String inject() throws InterruptedException {
    List<String> ids = new ArrayList<>(List.of("n1", "n2", "n3", "n4", "n5"));
    Collections.shuffle(ids, new java.util.Random(random.nextLong()));
    for (String id : ids.subList(0, VICTIMS)) {
      RingstoreProcess victim = cluster.process(id);
      victim.kill();
      killed.add(victim);
    }
    return "kill -9 " + ids.subList(0, VICTIMS);
  }

  @Override
  public void heal() {
    killed.forEach(RingstoreProcess::restart);
    killed.clear();
  }
}
