package dev.ringstore.console;

import dev.ringstore.security.TransportSecurity;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;

/**
 * What a console needs: where the config service listens, the admin token, its clock, and how it
 * secures its connections.
 *
 * @param config the config replicas' client addresses
 * @param token the admin token actions must carry (docs/console.md, "Safety")
 * @param clock the console's clock
 * @param every how often it gathers the cluster while anyone looks, default 2 s
 * @param timeout how long one node or replica may take to answer, default 2 s
 * @param security open, or TLS with the process's own certificate: then the console reads nodes
 *     over HTTPS and the config service and nodes over TLS, presenting it. Plan, commit and cancel
 *     need a certificate with role admin; a node's (role node) reads and inspects only.
 */
public record ConsoleSettings(
    List<InetSocketAddress> config,
    String token,
    InstantSource clock,
    Duration every,
    Duration timeout,
    TransportSecurity security) {
  public static final Duration EVERY_DEFAULT = Duration.ofSeconds(2);
  public static final Duration TIMEOUT_DEFAULT = Duration.ofSeconds(2);

  public ConsoleSettings {
    config = List.copyOf(config);
    if (config.isEmpty()) {
      throw new IllegalArgumentException("the console needs the config service's addresses");
    }
    Objects.requireNonNull(security, "security");
  }

  /** Settings for an open cluster (no TLS). */
  public ConsoleSettings(
      List<InetSocketAddress> config,
      String token,
      InstantSource clock,
      Duration every,
      Duration timeout) {
    this(config, token, clock, every, timeout, TransportSecurity.open());
  }

  public static ConsoleSettings of(List<InetSocketAddress> config, String token) {
    return new ConsoleSettings(
        config, token, InstantSource.system(), EVERY_DEFAULT, TIMEOUT_DEFAULT);
  }

  /** These settings, connecting and serving with {@code security}. */
  public ConsoleSettings withSecurity(TransportSecurity security) {
    return new ConsoleSettings(config, token, clock, every, timeout, security);
  }
}
