package dev.ringstore.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.client.NodeClient;
import dev.ringstore.client.RingstoreClient;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark driver: {@code java -jar bench/target/ringstore-bench.jar --via HOST:PORT ...}
 * preloads the key space, then runs each workload for a warm-up and a measured duration and prints
 * throughput and latency percentiles. See docs/benchmarks.md for the documented runs.
 */
@Command(
    name = "ringstore-bench",
    mixinStandardHelpOptions = true,
    description = "Closed-loop load against a Ringstore node: throughput and p50/p99/p99.9.")
public final class Bench implements Callable<Integer> {
  @Option(
      names = "--via",
      required = true,
      split = ",",
      description =
          "HOST:PORT of the node, or a comma-separated list: connections are spread over them"
              + " round-robin (each node coordinates what it receives).")
  List<String> via;

  /** How requests find their coordinator. */
  enum Routing {
    /** Connections spread over the nodes round-robin; each node coordinates what it receives. */
    NODE,
    /** The Java client: each key to the first node of its preference list. */
    TOKEN
  }

  @Option(
      names = "--routing",
      defaultValue = "node",
      description =
          "node: connections spread over --via round-robin (server-driven); token: the Java"
              + " client sends each key to its primary (client-driven). Default: ${DEFAULT-VALUE}.")
  Routing routing;

  @Option(names = "--connections", defaultValue = "16", description = "Default: ${DEFAULT-VALUE}.")
  int connections;

  @Option(
      names = "--in-flight",
      defaultValue = "1",
      description = "Requests outstanding per connection. Default: ${DEFAULT-VALUE}.")
  int inFlight;

  @Option(names = "--keys", defaultValue = "100000", description = "Default: ${DEFAULT-VALUE}.")
  int keys;

  @Option(
      names = "--value-bytes",
      defaultValue = "1024",
      description = "Default: ${DEFAULT-VALUE}.")
  int valueBytes;

  @Option(
      names = "--workloads",
      defaultValue = "put,get,mix",
      split = ",",
      description = "Workloads to run in order after the preload. Default: ${DEFAULT-VALUE}.")
  List<Workload> workloads;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "5",
      description = "Default: ${DEFAULT-VALUE}.")
  int warmupSeconds;

  @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds per workload.")
  int seconds;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--json", description = "Print one JSON object per phase.")
  boolean json;

  private static InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return new InetSocketAddress(
        hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Bench()).setCaseInsensitiveEnumValuesAllowed(true);
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<InetSocketAddress> nodes = via.stream().map(Bench::address).toList();
    ExecutorService retries = Executors.newSingleThreadExecutor();
    try (ProtocolClient protocol = ProtocolClient.create(ProtocolLimits.defaults());
        RingstoreClient tokenAware = routing == Routing.TOKEN ? tokenAware() : null) {
      List<NodeClient> connected = new ArrayList<>();
      List<BenchTarget> targets = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        if (tokenAware != null) {
          targets.add(BenchTarget.of(tokenAware.bytes()));
        } else {
          NodeClient client =
              NodeClient.connect(protocol, nodes.get(i % nodes.size()), Duration.ofSeconds(10));
          connected.add(client);
          targets.add(BenchTarget.of(client));
        }
      }
      LoadGenerator load = new LoadGenerator(targets, inFlight, keys, valueBytes, retries, seed);
      print(load.preload());
      for (Workload workload : workloads) {
        print(load.run(workload, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds)));
      }
      connected.forEach(NodeClient::close);
    } finally {
      retries.shutdownNow();
    }
    return 0;
  }

  /** One client for every loop, with as many connections per node as node routing opens. */
  private RingstoreClient tokenAware() {
    return RingstoreClient.builder()
        .seeds(via.toArray(String[]::new))
        .poolSize(Math.max(1, connections / via.size()))
        .build();
  }

  private void print(LoadResult result) throws Exception {
    System.out.println(json ? new ObjectMapper().writeValueAsString(result) : result.line());
    System.out.flush();
  }
}
