package dev.ringstore.bench.faults;

import dev.ringstore.testhosts.LinkFaults;
import dev.ringstore.testhosts.TestNetwork;
import java.util.HashSet;
import java.util.Set;

/**
 * Every node and client host drops and duplicates a share of what it sends, by default 10% and 5%
 * (nftables; delay and reordering would need {@code tc netem}, which the CI kernel lacks — see
 * docs/testhosts.md).
 */
final class LossyLinks implements Nemesis {
  static final LinkFaults DEFAULT = new LinkFaults(10, 5);

  private final TestNetwork net;
  private final LinkFaults faults;

  LossyLinks(TestNetwork net, LinkFaults faults) {
    this.net = net;
    this.faults = faults;
  }

  @Override
  public String name() {
    return "lossy";
  }

  @Override
  public String inject() {
    Set<String> hosts = new HashSet<>(FaultCluster.NODE_HOSTS);
    hosts.addAll(FaultSuite.CLIENT_HOSTS);
    net.degrade(hosts, faults);
    return "loss " + faults.lossPercent() + "%, duplication " + faults.duplicatePercent() + "%";
  }

  @Override
  public void heal() {
    net.heal();
  }
}
