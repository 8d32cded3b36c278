package dev.ringstore.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * One process of a local cluster as {@code local-cluster.json} records it.
 *
 * @param role what it runs: {@value #NODE} (config servers come later)
 * @param id its node id
 * @param pid its operating-system process id
 * @param listen its protocol address, HOST:PORT
 * @param http its metrics and health address, HOST:PORT
 * @param data its data directory, absolute
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"role", "id", "pid", "listen", "http", "data"})
record LocalProcess(String role, String id, long pid, String listen, String http, String data) {
  static final String NODE = "node";

  /**
   * Whether the process still runs: its pid is alive and, where the system shows command lines, the
   * command names this process's data directory (a pid reused by something else does not count).
   */
  boolean isRunning() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .map(
            handle ->
                handle
                    .info()
                    .arguments()
                    .map(args -> Arrays.asList(args).contains(data))
                    .orElse(true))
        .orElse(false);
  }

  InetSocketAddress listenAddress() {
    InetSocketAddress parsed = new HostPort().convert(listen);
    return new InetSocketAddress(parsed.getHostString(), parsed.getPort());
  }
}
