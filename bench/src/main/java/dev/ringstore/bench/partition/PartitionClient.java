package dev.ringstore.bench.partition;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The client process of one side of the partition run, started inside that side's network namespace
 * by {@link PartitionCompare}: {@code load} runs the side's steady load and writes its per-second
 * counts and acknowledged adds; {@code check} (after the heal) looks for every acknowledged add of
 * every side.
 */
@Command(name = "partition-client", mixinStandardHelpOptions = true)
public final class PartitionClient implements Callable<Integer> {
  @Option(names = "--mode", required = true, description = "load or check")
  String mode;

  @Option(names = "--system", required = true, description = "ringstore or etcd")
  String system;

  @Option(names = "--config", description = "Ringstore config service HOST:PORT,...")
  String config;

  @Option(names = "--seeds", description = "Ringstore nodes HOST:PORT,...")
  String seeds;

  @Option(names = "--endpoints", description = "etcd client URLs")
  String endpoints;

  @Option(names = "--serializable", description = "etcd: serializable reads")
  boolean serializable;

  @Option(names = "--r")
  int r = 2;

  @Option(names = "--w")
  int w = 2;

  @Option(names = "--side")
  String side = "A";

  @Option(names = "--prefix")
  String prefix = "run";

  @Option(names = "--carts")
  int carts = 1000;

  @Option(names = "--rate", description = "adds per second, and as many reads")
  int rate = 100;

  @Option(names = "--start-at", description = "epoch milliseconds")
  long startAt;

  @Option(names = "--seconds")
  int seconds = 70;

  @Option(names = "--timeout-ms")
  long timeoutMs = 2000;

  @Option(names = "--acked", split = ",", description = "check: the load outputs to look in")
  List<Path> acked = List.of();

  @Option(names = "--out", required = true)
  Path out;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PartitionClient()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Duration timeout = Duration.ofMillis(timeoutMs);
    try (CartTarget target =
        system.equals("etcd")
            ? new EtcdCarts(endpoints, serializable, timeout)
            : new RingstoreCarts(config, seeds, r, w, timeout)) {
      ObjectMapper json = new ObjectMapper();
      if (mode.equals("load")) {
        warmUp(target, Math.max(0, startAt - System.currentTimeMillis() - 500));
        AvailabilityLoad load = new AvailabilityLoad(target, side, prefix, carts, side.hashCode());
        AvailabilityLoad.write(load.run(startAt, seconds, rate, timeout), out);
        return 0;
      }
      Map<String, Set<String>> all = new TreeMap<>();
      for (Path file : acked) {
        Map<String, Set<String>> sideAcked =
            json.convertValue(
                json.readTree(file.toFile()).get("acked"),
                new TypeReference<Map<String, Set<String>>>() {});
        sideAcked.forEach((cart, e) -> all.computeIfAbsent(cart, c -> new TreeSet<>()).addAll(e));
      }
      var verdict = new AvailabilityCheck(target).run(all, Duration.ofSeconds(seconds));
      json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), verdict);
      return verdict.complete() ? 0 : 1;
    }
  }

  /**
   * Reads until one succeeds or {@code millis} pass, before the load starts: both clients connect
   * lazily (jetcd's first call took 0.7–1.5 s), and that belongs to neither system's availability.
   */
  private static void warmUp(CartTarget target, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      try {
        target
            .read("warm-up")
            .get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        return;
      } catch (ExecutionException | TimeoutException e) {
        Thread.sleep(100);
      }
    }
  }
}
