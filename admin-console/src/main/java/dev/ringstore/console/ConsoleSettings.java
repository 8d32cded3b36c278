package dev.ringstore.console;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * What a console needs: where the config service listens, the admin token, and its clock.
 *
 * @param config the config replicas' client addresses
 * @param token the admin token actions must carry (docs/console.md, "Safety")
 * @param clock the console's clock
 * @param every how often it gathers the cluster while anyone looks, default 2 s
 * @param timeout how long one node or replica may take to answer, default 2 s
 */
public record ConsoleSettings(
    List<InetSocketAddress> config,
    String token,
    InstantSource clock,
    Duration every,
    Duration timeout) {
  public static final Duration EVERY_DEFAULT = Duration.ofSeconds(2);
  public static final Duration TIMEOUT_DEFAULT = Duration.ofSeconds(2);

  public ConsoleSettings {
    config = List.copyOf(config);
    if (config.isEmpty()) {
      throw new IllegalArgumentException("the console needs the config service's addresses");
    }
  }

  public static ConsoleSettings of(List<InetSocketAddress> config, String token) {
    return new ConsoleSettings(
        config, token, InstantSource.system(), EVERY_DEFAULT, TIMEOUT_DEFAULT);
  }
}
