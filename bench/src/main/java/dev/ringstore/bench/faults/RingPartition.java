package dev.ringstore.bench.faults;

import dev.ringstore.testhosts.LinkCuts;
import dev.ringstore.testhosts.TestNetwork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A ring partition, the non-transitive kind: the five nodes in a random ring order, each reaching
 * only its two neighbours among them (config replicas and clients still reach everyone). Made with
 * {@link TestNetwork#cut}, which needs nftables.
 */
final class RingPartition implements Nemesis {
  private final TestNetwork net;
  private final RandomGenerator random;

  RingPartition(TestNetwork net, RandomGenerator random) {
    this.net = net;
    this.random = random;
  }

  @Override
  public String name() {
    return "ring";
  }

  @Override
  public String inject() {
    List<String> ring = new ArrayList<>(FaultCluster.NODE_HOSTS);
    Collections.shuffle(ring, new java.util.Random(random.nextLong()));
    net.cut(LinkCuts.ring(ring));
    return "ring " + String.join("-", ring);
  }

  @Override
  public void heal() {
    net.heal();
  }
}
