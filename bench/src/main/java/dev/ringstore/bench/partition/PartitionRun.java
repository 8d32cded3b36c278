package dev.ringstore.bench.partition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.bench.compare.AvailabilitySecond;
import dev.ringstore.bench.compare.AvailabilitySeries;
import dev.ringstore.testhosts.TestNetwork;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One system, one setting, through one partition: a load process on each side's client host from
 * the same instant, the split and the heal on schedule, then the after-heal check from side A.
 */
final class PartitionRun {
  /** What one run measured. */
  record Measured(
      String label, List<AvailabilitySeries> sides, Integer recoverySeconds, JsonNode verdict) {}

  static final Set<String> SIDE_A = Set.of("s1", "s2", "ca");
  static final Set<String> SIDE_B = Set.of("s3", "s4", "s5", "cb");

  private final TestNetwork net;
  private final Path benchJar;
  private final Path dir;
  private final PartitionTimeline timeline;

  PartitionRun(TestNetwork net, Path benchJar, Path dir, PartitionTimeline timeline) {
    this.net = net;
    this.benchJar = benchJar;
    this.dir = dir;
    this.timeline = timeline;
  }

  /** Runs with {@code target} = the client arguments naming the system and its settings. */
  Measured run(String label, String slug, List<String> target) throws Exception {
    long startAt = System.currentTimeMillis() + 8000;
    Process a = load("ca", "A", slug, target, startAt);
    Process b = load("cb", "B", slug, target, startAt);
    sleepUntil(startAt + timeline.splitAt() * 1000L);
    net.partition(SIDE_A, SIDE_B);
    sleepUntil(startAt + timeline.healAt() * 1000L);
    net.heal();
    waitFor(a, slug + " side A");
    waitFor(b, slug + " side B");
    Process check =
        client(
            "ca",
            slug + "-check.json",
            target,
            "check",
            "--seconds",
            "60",
            "--acked",
            dir.resolve(slug + "-A.json") + "," + dir.resolve(slug + "-B.json"));
    check.waitFor(120, TimeUnit.SECONDS);
    ObjectMapper json = new ObjectMapper();
    List<AvailabilitySeries> sides = new ArrayList<>();
    for (String side : List.of("A", "B")) {
      JsonNode load = json.readTree(dir.resolve(slug + "-" + side + ".json").toFile());
      List<AvailabilitySecond> seconds = new ArrayList<>();
      load.get("seconds").forEach(s -> seconds.add(json.convertValue(s, AvailabilitySecond.class)));
      sides.add(new AvailabilitySeries(label, side, seconds));
    }
    JsonNode verdict = json.readTree(dir.resolve(slug + "-check.json").toFile());
    return new Measured(label, sides, recovery(sides), verdict);
  }

  /** Seconds from the heal until every later second of both sides had no failure; null: never. */
  Integer recovery(List<AvailabilitySeries> sides) {
    int lastFailure = timeline.healAt() - 1;
    for (AvailabilitySeries side : sides) {
      for (AvailabilitySecond s : side.seconds()) {
        if (s.second() >= timeline.healAt() && s.readsFailed() + s.writesFailed() > 0) {
          lastFailure = Math.max(lastFailure, s.second());
        }
      }
    }
    int recoveredAt = lastFailure + 1;
    return recoveredAt >= timeline.seconds() ? null : recoveredAt - timeline.healAt();
  }

  private Process load(String host, String side, String slug, List<String> target, long startAt)
      throws IOException {
    return client(
        host,
        slug + "-" + side + ".json",
        target,
        "load",
        "--side",
        side,
        "--prefix",
        slug,
        "--start-at",
        Long.toString(startAt),
        "--seconds",
        Integer.toString(timeline.seconds()));
  }

  private Process client(String host, String out, List<String> target, String mode, String... more)
      throws IOException {
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.addAll(List.of("-cp", benchJar.toString(), PartitionClient.class.getName()));
    argv.addAll(List.of("--mode", mode, "--out", dir.resolve(out).toString()));
    argv.addAll(target);
    argv.addAll(List.of(more));
    return net.start(host, argv, dir.resolve(out.replace(".json", ".log")));
  }

  private void waitFor(Process p, String what) throws InterruptedException {
    if (!p.waitFor(timeline.seconds() + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(
          what + "'s load did not finish cleanly: see its log in " + dir);
    }
  }

  private static void sleepUntil(long epochMillis) throws InterruptedException {
    long left = epochMillis - System.currentTimeMillis();
    if (left > 0) {
      Thread.sleep(left);
    }
  }
}
