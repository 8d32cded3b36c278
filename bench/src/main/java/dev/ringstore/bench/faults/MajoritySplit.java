package dev.ringstore.bench.faults;

import dev.ringstore.testhosts.TestNetwork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Splits the network 2|3: two nodes chosen at random, one config replica and client host w1 on the
 * minority side; three nodes, two config replicas and w2 on the majority side. Both sides keep
 * writing (sloppy quorums), so concurrent siblings form and must all survive the heal.
 */
final class MajoritySplit implements Nemesis {
  private final TestNetwork net;
  private final RandomGenerator random;

  MajoritySplit(TestNetwork net, RandomGenerator random) {
    this.net = net;
    this.random = random;
  }

  @Override
  public String name() {
    return "split";
  }

  @Override
  public String inject() {
    List<String> nodes = new ArrayList<>(FaultCluster.NODE_HOSTS);
    Collections.shuffle(nodes, new java.util.Random(random.nextLong()));
    Set<String> minority = new HashSet<>(nodes.subList(0, 2));
    minority.add(FaultCluster.CONFIG_HOSTS.get(0));
    minority.add(FaultSuite.CLIENT_HOSTS.get(0));
    Set<String> majority = new HashSet<>(net.hosts());
    majority.removeAll(minority);
    net.partition(minority, majority);
    return "split " + new java.util.TreeSet<>(minority) + " | " + new java.util.TreeSet<>(majority);
  }

  @Override
  public void heal() {
    net.heal();
  }
}
