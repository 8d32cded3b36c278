package dev.ringstore.bench.faults;

import dev.ringstore.testhosts.LinkFaults;
import dev.ringstore.testhosts.TestNetwork;
import java.util.HashSet;
import java.util.Set;

/**
 * Every node and client host drops 10% and duplicates 5% of what it sends (nftables; delay and
 * reordering would need {@code tc netem}, which the CI kernel lacks — see docs/testhosts.md).
 */
final class LossyLinks implements Nemesis {
  static final LinkFaults FAULTS = new LinkFaults(10, 5);

  private final TestNetwork net;

  LossyLinks(TestNetwork net) {
    this.net = net;
  }

  @Override
  public String name() {
    return "lossy";
  }

  @Override
  public String inject() {
    Set<String> hosts = new HashSet<>(FaultCluster.NODE_HOSTS);
    hosts.addAll(FaultSuite.CLIENT_HOSTS);
    net.degrade(hosts, FAULTS);
    return "loss " + FAULTS.lossPercent() + "%, duplication " + FAULTS.duplicatePercent() + "%";
  }

  @Override
  public void heal() {
    net.heal();
  }
}
