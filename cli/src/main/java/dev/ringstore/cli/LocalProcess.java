package dev.ringstore.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * One process of a local cluster as {@code local-cluster.json} records it.
 *
 * @param role what it runs: {@value #NODE} or {@value #CONFIG} (a config-service replica)
 * @param id its node id (n1) or replica id (c1)
 * @param pid its operating-system process id
 * @param listen a node's protocol address, or a config replica's client address, HOST:PORT
 * @param http a node's metrics and health address, HOST:PORT; absent for a config replica
 * @param raft a config replica's Raft address, HOST:PORT; absent for a node
 * @param data its data directory, absolute
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"role", "id", "pid", "listen", "http", "raft", "data"})
record LocalProcess(
    String role, String id, long pid, String listen, String http, String raft, String data) {
  static final String NODE = "node";
  static final String CONFIG = "config";

  /** A node's entry. */
  LocalProcess(String role, String id, long pid, String listen, String http, String data) {
    this(role, id, pid, listen, http, null, data);
  }

  /** A config replica's entry. */
  static LocalProcess configReplica(String id, long pid, String listen, String raft, String data) {
    return new LocalProcess(CONFIG, id, pid, listen, null, raft, data);
  }

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
