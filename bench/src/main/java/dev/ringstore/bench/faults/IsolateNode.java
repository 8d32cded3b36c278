package dev.ringstore.bench.faults;

import dev.ringstore.testhosts.TestNetwork;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Cuts one node, chosen at random, off from every other host (a bridge partition). */
final class IsolateNode implements Nemesis {
  private final TestNetwork net;
  private final RandomGenerator random;

  IsolateNode(TestNetwork net, RandomGenerator random) {
    this.net = net;
    this.random = random;
  }

  @Override
  public String name() {
    return "isolate";
  }

  @Override
  public String inject() {
    String victim = FaultCluster.NODE_HOSTS.get(random.nextInt(FaultCluster.NODE_HOSTS.size()));
    Set<String> rest = new HashSet<>(net.hosts());
    rest.remove(victim);
    net.partition(rest);
    return "isolated " + victim;
  }

  @Override
  public void heal() {
    net.heal();
  }
}
