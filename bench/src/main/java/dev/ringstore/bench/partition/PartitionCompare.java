package dev.ringstore.bench.partition;

import dev.ringstore.bench.compare.AvailabilitySeries;
import dev.ringstore.bench.compare.ComparePlots;
import dev.ringstore.bench.compare.EtcdServers;
import dev.ringstore.bench.compare.EtcdServers.Member;
import dev.ringstore.bench.compare.PartitionWindow;
import dev.ringstore.testhosts.TestNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code bench/compare.sh --partition}: five etcd members, then five Ringstore nodes, each server
 * on its own test host (a network namespace), split 2 | 3 for 30 s under a steady add-and-read load
 * from a client host on each side that reaches only its side. Ringstore runs at its defaults (N=3,
 * R=2, W=2, sloppy quorum) and with W=1; etcd with linearizable and with serializable reads. Writes
 * {@code partition.md}, the per-second JSON of every side and {@code availability-*.png}.
 */
public final class PartitionCompare implements Callable<Integer> {
  static final List<String> SERVERS = List.of("s1", "s2", "s3", "s4", "s5");

  private final Path ringstoreJar;
  private final Path dir;
  private final PartitionTimeline timeline;

  public PartitionCompare(Path ringstoreJar, Path dir, boolean quick) {
    this.ringstoreJar = ringstoreJar.toAbsolutePath();
    this.dir = dir.toAbsolutePath();
    this.timeline = PartitionTimeline.of(quick);
  }

  @Override
  public Integer call() throws Exception {
    Optional<String> unavailable = TestNetwork.unavailableReason();
    if (unavailable.isPresent()) {
      System.err.println("the partition run needs test hosts, skipped: " + unavailable.get());
      return 2;
    }
    Path benchJar = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> hosts = new ArrayList<>(SERVERS);
    hosts.addAll(List.of("ca", "cb"));
    List<PartitionRun.Measured> measured = new ArrayList<>();
    try (TestNetwork net = TestNetwork.create("rsp", hosts)) {
      PartitionRun run = new PartitionRun(net, benchJar, dir, timeline);
      System.out.println("== Ringstore: 5 nodes, config replicas on s1, s3, s4");
      try (RingstoreHosts ringstore =
          RingstoreHosts.start(
              net, ringstoreJar, SERVERS, Files.createDirectories(dir.resolve("ringstore")))) {
        List<String> target =
            List.of(
                "--system",
                "ringstore",
                "--config",
                ringstore.configAddresses(),
                "--seeds",
                ringstore.nodeAddresses());
        measured.add(
            report(
                run.run(
                    "ringstore N3 R2 W2", "ringstore-w2", with(target, "--r", "2", "--w", "2"))));
        measured.add(
            report(
                run.run(
                    "ringstore N3 R2 W1", "ringstore-w1", with(target, "--r", "2", "--w", "1"))));
      }
      System.out.println("== etcd: 5 members");
      List<Member> members = new ArrayList<>();
      for (String host : SERVERS) {
        members.add(
            new Member(
                "e" + host.substring(1),
                net.address(host).getHostAddress(),
                2379,
                2380,
                net.command(host, List.of())));
      }
      try (EtcdServers etcd =
          EtcdServers.start(members, dir.resolve("etcd"), Duration.ofSeconds(60))) {
        List<String> target =
            List.of("--system", "etcd", "--endpoints", String.join(",", etcd.endpoints()));
        measured.add(report(run.run("etcd linearizable", "etcd-linearizable", target)));
        measured.add(
            report(
                run.run("etcd serializable", "etcd-serializable", with(target, "--serializable"))));
      }
    }
    List<AvailabilitySeries> series = new ArrayList<>();
    measured.forEach(m -> series.addAll(m.sides()));
    ComparePlots.writeAvailability(
        dir, new PartitionWindow(timeline.splitAt(), timeline.healAt()), series);
    String summary = PartitionSummary.markdown(timeline, measured);
    Files.writeString(dir.resolve("partition.md"), summary);
    System.out.println(summary);
    System.out.println("results in " + dir);
    return 0;
  }

  private PartitionRun.Measured report(PartitionRun.Measured m) {
    System.out.println(PartitionSummary.oneRun(timeline, m));
    return m;
  }

  private static List<String> with(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }
}
