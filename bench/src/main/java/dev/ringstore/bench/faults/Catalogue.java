package dev.ringstore.bench.faults;

import dev.ringstore.testhosts.LinkFaults;
import dev.ringstore.testhosts.TestNetwork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The nemeses of issue 15 by name, in the order the full run takes them; {@code mixed} picks among
 * all the others each window. {@link #QUICK} is the CI profile's subset: one of each kind
 * (partition, non-transitive partition, crash, lossy links: the guard for dead connections).
 */
final class Catalogue {
  static final List<String> QUICK = List.of("split", "ring", "kill", "lossy");

  private final Map<String, Nemesis> byName = new LinkedHashMap<>();

  Catalogue(TestNetwork net, FaultCluster cluster, RandomGenerator random, LinkFaults lossy) {
    List<Nemesis> single =
        List.of(
            new IsolateNode(net, random),
            new MajoritySplit(net, random),
            new RingPartition(net, random),
            new KillNodes(cluster, random),
            new PauseNode(cluster, random),
            new KillConfigLeader(cluster),
            new LossyLinks(net, lossy));
    single.forEach(n -> byName.put(n.name(), n));
    Nemesis mixed = new MixedNemesis(single, random);
    byName.put(mixed.name(), mixed);
  }

  List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  Nemesis get(String name) {
    Nemesis nemesis = byName.get(name);
    if (nemesis == null) {
      throw new IllegalArgumentException("no nemesis '" + name + "'; there are " + names());
    }
    return nemesis;
  }

  /** Nemeses that need nftables (link cuts, lossy links). */
  static boolean needsFilters(String name) {
    return name.equals("ring") || name.equals("lossy");
  }
}
