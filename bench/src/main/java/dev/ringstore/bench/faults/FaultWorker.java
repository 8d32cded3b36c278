package dev.ringstore.bench.faults;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.client.JsonCodec;
import dev.ringstore.client.NodeClient;
import dev.ringstore.client.RingstoreClient;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The client process of the fault suite, started on a client test host by {@link FaultSuite}.
 * {@code load}: the three workloads, one thread each, from {@code --start-at} for {@code
 * --seconds}, into a history file. {@code check} (after the heal): every key of the histories
 * inspected until its N replicas agree, into a final-state file for the {@link Checker}.
 */
@Command(name = "fault-worker", mixinStandardHelpOptions = true)
public final class FaultWorker implements Callable<Integer> {
  static final int SET_KEYS = 2;

  @Option(names = "--mode", required = true, description = "load or check")
  String mode;

  @Option(names = "--config", required = true, description = "config service HOST:PORT,...")
  String config;

  @Option(names = "--seeds", required = true, description = "nodes HOST:PORT,...")
  String seeds;

  @Option(names = "--prefix", required = true, description = "key prefix of this run")
  String prefix;

  @Option(names = "--client", description = "this client's name, in elements and values")
  String client = "w1";

  @Option(names = "--lww", description = "set workload resolves last-writer-wins (control run)")
  boolean lww;

  @Option(names = "--start-at", description = "load: epoch milliseconds")
  long startAt;

  @Option(names = "--seconds", description = "load: how long; check: the most it waits")
  int seconds = 60;

  @Option(names = "--pause-ms", description = "load: pause between one thread's operations")
  long pauseMillis = 20;

  @Option(names = "--history", split = ",", description = "check: the histories to check")
  List<Path> histories = List.of();

  @Option(names = "--out", required = true, description = "history (load) or final state (check)")
  Path out;

  public static void main(String[] args) {
    System.exit(new CommandLine(new FaultWorker()).execute(args));
  }

  static List<String> setKeys(String prefix) {
    return IntStream.range(0, SET_KEYS).mapToObj(i -> prefix + ":set:" + i).toList();
  }

  @Override
  public Integer call() throws Exception {
    return mode.equals("load") ? load() : check();
  }

  private int load() throws Exception {
    InstantSource clock = InstantSource.system();
    long deadline = startAt + seconds * 1000L;
    try (RingstoreClient ringstore =
            RingstoreClient.builder()
                .configService(config.split(","))
                .seeds(seeds.split(","))
                .requestTimeout(Duration.ofSeconds(2))
                .build();
        HistoryLog history = new HistoryLog(out)) {
      var sets = ringstore.store(JsonCodec.of(new TypeReference<Set<String>>() {})).sync();
      var strings = ringstore.strings().sync();
      List<Workload> workloads =
          List.of(
              new SetAddWorkload(
                  sets, setKeys(prefix), client, lww, history, clock, deadline, pauseMillis),
              new UniquePutWorkload(strings, prefix, client, history, clock, deadline, pauseMillis),
              new RegisterWorkload(strings, prefix, client, history, clock, startAt, deadline));
      Thread.sleep(Math.max(0, startAt - clock.millis()));
      ExecutorService threads = Executors.newFixedThreadPool(workloads.size());
      try {
        List<Future<Integer>> done = new ArrayList<>();
        workloads.forEach(w -> done.add(threads.submit(w)));
        for (Future<Integer> f : done) {
          f.get();
        }
      } finally {
        threads.shutdownNow();
      }
    }
    return 0;
  }

  /** Connects to a node, trying again until {@code deadline}: a restarted node may be starting. */
  private static NodeClient connect(ProtocolClient protocol, String node, long deadline)
      throws InterruptedException {
    String[] hostPort = node.split(":");
    InetSocketAddress address = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    while (true) {
      try {
        return NodeClient.connect(protocol, address, Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        if (System.currentTimeMillis() > deadline) {
          throw e;
        }
        Thread.sleep(1000);
      }
    }
  }

  private int check() throws Exception {
    InstantSource clock = InstantSource.system();
    Map<String, Boolean> keys = new LinkedHashMap<>();
    setKeys(prefix).forEach(k -> keys.put(k, true));
    for (Op op : HistoryLog.read(histories)) {
      keys.putIfAbsent(op.key(), op.workload().equals(Workload.SET));
    }
    ProtocolClient protocol = ProtocolClient.create(ProtocolLimits.defaults());
    List<NodeClient> nodes = new ArrayList<>();
    try {
      for (String seed : seeds.split(",")) {
        nodes.add(connect(protocol, seed, clock.millis() + 60_000));
      }
      ConvergenceCheck.Result result =
          new ConvergenceCheck(nodes, clock).run(keys, clock.millis() + seconds * 1000L);
      Map<String, KeyState> states = new LinkedHashMap<>(result.keys());
      keys.keySet().forEach(k -> states.putIfAbsent(k, new KeyState(k, Set.of(), 0, false)));
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("convergedAt", result.convergedAt());
      file.put("keys", states.values());
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), file);
    } finally {
      nodes.forEach(NodeClient::close);
      protocol.close();
    }
    return 0;
  }
}
