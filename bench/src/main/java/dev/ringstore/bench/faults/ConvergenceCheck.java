package dev.ringstore.bench.faults;

import dev.ringstore.client.InspectResult;
import dev.ringstore.client.NodeClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * After the heal: asks every key's replicas (the {@code inspect} request) again and again until all
 * N agree on every key, or a limit passes. Keys that agreed are not asked again — nothing writes to
 * them any more. The result is each key's last {@link KeyState} and, when everything agreed, the
 * moment it did.
 */
final class ConvergenceCheck {
  /** The last state of every key, and when all agreed (epoch millis), or -1 if they never did. */
  record Result(Map<String, KeyState> keys, long convergedAt) {}

  private static final Duration INSPECT_WAIT = Duration.ofSeconds(3);
  private static final int IN_FLIGHT = 32;

  private final List<NodeClient> nodes;
  private final InstantSource clock;

  ConvergenceCheck(List<NodeClient> nodes, InstantSource clock) {
    this.nodes = List.copyOf(nodes);
    this.clock = clock;
  }

  /** {@code keys}: key → whether it is a set key. Polls until agreed or {@code deadline}. */
  Result run(Map<String, Boolean> keys, long deadline) throws InterruptedException {
    Map<String, KeyState> states = new TreeMap<>();
    Set<String> pending = new TreeSet<>(keys.keySet());
    while (true) {
      Map<String, KeyState> round = inspect(pending, keys);
      states.putAll(round);
      round.values().stream().filter(KeyState::agreed).map(KeyState::key).forEach(pending::remove);
      if (pending.isEmpty()) {
        return new Result(states, clock.millis());
      }
      if (clock.millis() >= deadline) {
        return new Result(states, -1);
      }
      Thread.sleep(1000);
    }
  }

  private Map<String, KeyState> inspect(Set<String> pending, Map<String, Boolean> keys)
      throws InterruptedException {
    Map<String, KeyState> round = new TreeMap<>();
    Semaphore slots = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<?>> calls = new ArrayList<>();
    int i = 0;
    for (String key : pending) {
      slots.acquire();
      NodeClient node = nodes.get(i++ % nodes.size());
      calls.add(
          node.inspectAsync(key.getBytes(StandardCharsets.UTF_8), INSPECT_WAIT)
              .handle(
                  (InspectResult result, Throwable failure) -> {
                    slots.release();
                    if (result != null) {
                      KeyState state = ReplicaAgreement.of(key, keys.get(key), result);
                      synchronized (round) {
                        round.put(key, state);
                      }
                    }
                    return null;
                  }));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    return round;
  }
}
