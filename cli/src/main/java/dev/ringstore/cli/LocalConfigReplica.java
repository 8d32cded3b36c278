package dev.ringstore.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code ringstore config-server} process that {@code ringstore local} started: its Raft and
 * client addresses, its directory, its log in {@code config.log} there (rolled at 10 MB, five files
 * at most) and what else it prints appended to {@code config.out}.
 */
final class LocalConfigReplica implements LocalServer {
  static final String LOG = "config.log";
  static final String OUTPUT = "config.out";

  private final String id;
  private final InetSocketAddress listen;
  private final InetSocketAddress raft;
  private final Path data;
  private final ChildProcess child;

  private LocalConfigReplica(
      String id, InetSocketAddress listen, InetSocketAddress raft, Path data, ChildProcess child) {
    this.id = id;
    this.listen = listen;
    this.raft = raft;
    this.data = data;
    this.child = child;
  }

  /** Starts replica {@code id} of the group {@code peers} (c1=HOST:PORT,..., Raft addresses). */
  static LocalConfigReplica start(
      String id,
      InetSocketAddress listen,
      InetSocketAddress raft,
      Path data,
      String peers,
      List<String> arguments)
      throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "config-server",
                "--id",
                id,
                "--peers",
                peers,
                "--listen",
                HostPort.format(listen),
                "--data",
                data.toString()));
    command.addAll(arguments);
    return new LocalConfigReplica(
        id,
        listen,
        raft,
        data,
        ChildProcess.start(command, listen, data.resolve(LOG), data.resolve(OUTPUT)));
  }

  InetSocketAddress listen() {
    return listen;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String kind() {
    return "config replica";
  }

  @Override
  public ChildProcess child() {
    return child;
  }

  @Override
  public LocalProcess describe() {
    return LocalProcess.configReplica(
        id, child.process().pid(), HostPort.format(listen), HostPort.format(raft), data.toString());
  }
}
