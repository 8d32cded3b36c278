package dev.ringstore.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code ringstore node} process that {@code ringstore local} started: its addresses, its data
 * directory, its log in {@code node.log} there (rolled at 10 MB, five files at most) and what else
 * it prints appended to {@code node.out}.
 */
final class LocalNode implements LocalServer {
  static final String LOG = "node.log";
  static final String OUTPUT = "node.out";

  private final String id;
  private final InetSocketAddress listen;
  private final InetSocketAddress http;
  private final Path data;
  private final ChildProcess child;

  private LocalNode(
      String id, InetSocketAddress listen, InetSocketAddress http, Path data, ChildProcess child) {
    this.id = id;
    this.listen = listen;
    this.http = http;
    this.data = data;
    this.child = child;
  }

  /** Starts node {@code id}; {@code arguments} follow the usual ones on its command line. */
  static LocalNode start(
      String id,
      InetSocketAddress listen,
      InetSocketAddress http,
      Path data,
      List<String> arguments,
      Map<String, String> environment)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("node", "--id", id));
    command.addAll(List.of("--listen", HostPort.format(listen), "--http", HostPort.format(http)));
    command.addAll(List.of("--data", data.toString()));
    command.addAll(arguments);
    return new LocalNode(
        id,
        listen,
        http,
        data,
        ChildProcess.start(command, listen, data.resolve(LOG), data.resolve(OUTPUT), environment));
  }

  /** Where its /health and /metrics are served. */
  InetSocketAddress http() {
    return http;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String kind() {
    return "node";
  }

  @Override
  public ChildProcess child() {
    return child;
  }

  @Override
  public LocalProcess describe() {
    return new LocalProcess(
        LocalProcess.NODE,
        id,
        child.process().pid(),
        HostPort.format(listen),
        HostPort.format(http),
        data.toString());
  }
}
