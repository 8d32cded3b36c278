package dev.ringstore.bench.compare;

import dev.ringstore.bench.ycsb.EtcdYcsbDb;
import io.etcd.jetcd.Client;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import site.ycsb.DB;

/**
 * A real etcd cluster of {@code etcd} processes (3.4 or later on the PATH), started fresh for a
 * comparison run and removed after it. Each member gets a new data directory {@code
 * <dataRoot>/<name>.etcd} and a log file {@code <dataRoot>/<name>.log} (kept after {@link #close()}
 * for a post-mortem); the cluster is bootstrapped statically ({@code --initial-cluster}) under a
 * token of its own, so it cannot join a stale one. {@link #start} returns once every member answers
 * {@code /health} with true, which in etcd means it knows a leader and a quorum read through raft
 * succeeded: the cluster takes writes.
 *
 * <p>Besides the addresses, each member runs with: {@code --pre-vote} (etcd's default from 3.5 on,
 * so a member cut off by a partition does not depose the leader when it returns); periodic
 * compaction of history older than a minute and an 8 GiB backend quota (a write-heavy run at 10
 * MB/s of 1 KiB records would otherwise fill the default 2 GiB and stop writes with NOSPACE);
 * warnings only, structured, to the log file. etcd fsyncs every commit; there is no switch to make
 * it not.
 *
 * <p>A member may be started through a command prefix, e.g. {@code ip netns exec ns1} to place it
 * in a network namespace: the prefix must exec etcd (as {@code ip netns exec} does) or at least
 * leave it a descendant, so that {@link #serverPids()} finds the etcd process itself.
 */
public final class EtcdServers implements ServerCluster {
  static final String BINARY = "etcd";
  static final long QUOTA_BACKEND_BYTES = 8L << 30;
  static final String COMPACTION_RETENTION = "1m";
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private static final int LOG_TAIL_LINES = 20;

  /**
   * One member: its name, the address it listens on, and what its command line starts with (empty
   * for a process on this host's network, or e.g. {@code [ip, netns, exec, ns1]}).
   */
  public record Member(
      String name, String host, int clientPort, int peerPort, List<String> commandPrefix) {
    public Member {
      if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException("member name must be [A-Za-z0-9_-]+, not " + name);
      }
      commandPrefix = List.copyOf(commandPrefix);
    }

    /** A member on 127.0.0.1 started directly. */
    public static Member loopback(String name, int clientPort, int peerPort) {
      return new Member(name, "127.0.0.1", clientPort, peerPort, List.of());
    }

    public String clientUrl() {
      return "http://" + host + ":" + clientPort;
    }

    public String peerUrl() {
      return "http://" + host + ":" + peerPort;
    }
  }

  private final List<Member> members;
  private final Path dataRoot;
  private final Map<String, Process> processes = new LinkedHashMap<>();
  private final Map<String, Long> pids = new LinkedHashMap<>();
  private final Thread stopOnExit = new Thread(this::stopProcesses, "etcd-servers-stop");
  private Client client;
  private boolean closed;

  private EtcdServers(List<Member> members, Path dataRoot) {
    this.members = List.copyOf(members);
    this.dataRoot = dataRoot;
  }

  /**
   * Starts {@code members} as a new cluster and waits up to {@code startTimeout} for it to take
   * writes.
   *
   * @throws IllegalStateException if it does not, with the tail of every member's log (the
   *     processes are stopped first)
   */
  public static EtcdServers start(List<Member> members, Path dataRoot, Duration startTimeout)
      throws IOException, InterruptedException {
    if (members.isEmpty()
        || members.stream().map(Member::name).collect(Collectors.toSet()).size()
            != members.size()) {
      throw new IllegalArgumentException("members must be non-empty with distinct names");
    }
    Files.createDirectories(dataRoot);
    EtcdServers cluster = new EtcdServers(members, dataRoot);
    Runtime.getRuntime().addShutdownHook(cluster.stopOnExit);
    String token = "ringstore-bench-" + UUID.randomUUID();
    try {
      for (Member member : members) {
        Path dataDir = cluster.dataDir(member);
        Processes.deleteTree(dataDir);
        Path logFile = cluster.logFile(member);
        Process process =
            new ProcessBuilder(command(member, members, dataDir, token))
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        cluster.processes.put(member.name(), process);
      }
      cluster.awaitHealthy(startTimeout);
      for (Member member : members) {
        cluster.pids.put(member.name(), etcdPid(cluster.processes.get(member.name())));
      }
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      String logs = cluster.logTails();
      cluster.close();
      if (e instanceof IllegalStateException) {
        throw new IllegalStateException(e.getMessage() + "\n" + logs, e);
      }
      throw e;
    }
  }

  /** {@code count} members named etcd1… on 127.0.0.1, ports basePort, basePort+1, … in pairs. */
  public static EtcdServers loopback(int count, int basePort, Path dataRoot)
      throws IOException, InterruptedException {
    return start(loopbackMembers(count, basePort), dataRoot, Duration.ofSeconds(30));
  }

  static List<Member> loopbackMembers(int count, int basePort) {
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      members.add(Member.loopback("etcd" + (i + 1), basePort + 2 * i, basePort + 2 * i + 1));
    }
    return members;
  }

  /** The command line that starts {@code member} of the new cluster {@code all}. */
  static List<String> command(Member member, List<Member> all, Path dataDir, String token) {
    String initialCluster =
        all.stream().map(m -> m.name() + "=" + m.peerUrl()).collect(Collectors.joining(","));
    List<String> argv = new ArrayList<>(member.commandPrefix());
    argv.add(BINARY);
    argv.add("--name=" + member.name());
    argv.add("--data-dir=" + dataDir);
    argv.add("--listen-client-urls=" + member.clientUrl());
    argv.add("--advertise-client-urls=" + member.clientUrl());
    argv.add("--listen-peer-urls=" + member.peerUrl());
    argv.add("--initial-advertise-peer-urls=" + member.peerUrl());
    argv.add("--initial-cluster=" + initialCluster);
    argv.add("--initial-cluster-state=new");
    argv.add("--initial-cluster-token=" + token);
    argv.add("--pre-vote=true");
    argv.add("--auto-compaction-mode=periodic");
    argv.add("--auto-compaction-retention=" + COMPACTION_RETENTION);
    argv.add("--quota-backend-bytes=" + QUOTA_BACKEND_BYTES);
    argv.add("--logger=zap");
    argv.add("--log-outputs=stderr");
    argv.add("--log-level=warn");
    return argv;
  }

  /** Empty when {@code etcd} is on the PATH, else the line to show the user (how to install it). */
  public static Optional<String> missingBinaryMessage() {
    return onPath(System.getenv("PATH"))
        ? Optional.empty()
        : Optional.of(
            "etcd is not on the PATH: install it with `apt-get install etcd-server` (Debian) and"
                + " run again");
  }

  /** Whether an executable {@value #BINARY} is in one of {@code path}'s directories (which(1)). */
  static boolean onPath(String path) {
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, BINARY))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String system() {
    return "etcd";
  }

  public List<Member> members() {
    return members;
  }

  /** Every member's client URL, in member order. */
  public List<String> endpoints() {
    return members.stream().map(Member::clientUrl).toList();
  }

  @Override
  public synchronized List<Long> serverPids() {
    return List.copyOf(pids.values());
  }

  /** The pid of member {@code name}'s etcd process. */
  public synchronized long pid(String name) {
    Long pid = pids.get(name);
    if (pid == null) {
      throw new IllegalArgumentException("no member " + name + " in " + pids.keySet());
    }
    return pid;
  }

  /**
   * Kills member {@code name} with SIGKILL (a crash) and waits until it is gone. It is not
   * restarted; its pid stays in {@link #serverPids()} (a gone process reads as no CPU).
   */
  public synchronized void kill(String name) throws InterruptedException {
    long pid = pid(name);
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    Process process = processes.get(name);
    process.destroyForcibly();
    process.waitFor();
    awaitGone(pid, STOP_GRACE);
  }

  /** The one client all databases from {@link #newDb} share, connected to every member. */
  public synchronized Client client() {
    if (closed) {
      throw new IllegalStateException("the etcd cluster is closed");
    }
    if (client == null) {
      client = EtcdYcsbDb.connect(String.join(",", endpoints()));
    }
    return client;
  }

  /** An {@link EtcdYcsbDb} on the shared client, reading its knobs from {@code properties}. */
  @Override
  public DB newDb(Properties properties) {
    DB db = new EtcdYcsbDb(client());
    db.setProperties(properties);
    return db;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (client != null) {
      client.close();
      client = null;
    }
    stopProcesses();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: nothing to remove.
    }
    for (Member member : members) {
      Processes.deleteTree(dataDir(member));
    }
  }

  /** SIGTERM to every member, SIGKILL to those still running after the grace period. */
  private void stopProcesses() {
    List<ProcessHandle> handles = new ArrayList<>();
    for (Map.Entry<String, Process> entry : processes.entrySet()) {
      handles.add(entry.getValue().toHandle());
      Long pid = pids.get(entry.getKey());
      if (pid != null && pid != entry.getValue().pid()) {
        ProcessHandle.of(pid).ifPresent(handles::add);
      }
    }
    handles.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    for (ProcessHandle handle : handles) {
      try {
        handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (Exception stillRunning) {
        handle.destroyForcibly();
      }
    }
    for (ProcessHandle handle : handles) {
      try {
        handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        // Unkillable (SIGKILL ignored only in uninterruptible sleep): nothing more to do.
      }
    }
  }

  private void awaitHealthy(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    Set<String> healthy = new HashSet<>();
    String lastProblem = "no answer yet";
    while (true) {
      for (Member member : members) {
        Process process = processes.get(member.name());
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "etcd member "
                  + member.name()
                  + " exited with status "
                  + process.exitValue()
                  + " while the cluster was starting");
        }
        if (healthy.contains(member.name())) {
          continue;
        }
        if (!member.commandPrefix().isEmpty()) {
          // A member in another network namespace is out of this process's reach: ask from there.
          if (healthyFromItsNetwork(member)) {
            healthy.add(member.name());
          } else {
            lastProblem = member.name() + ": etcdctl endpoint health failed";
          }
          continue;
        }
        try {
          HttpResponse<String> response =
              http.send(
                  HttpRequest.newBuilder(URI.create(member.clientUrl() + "/health"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200 && response.body().contains("\"health\":\"true\"")) {
            healthy.add(member.name());
          } else {
            lastProblem =
                member.name() + " answered " + response.statusCode() + " " + response.body();
          }
        } catch (IOException e) {
          lastProblem = member.name() + ": " + e;
        }
      }
      if (healthy.size() == members.size()) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "etcd cluster not healthy within " + timeout + " (" + lastProblem + ")");
      }
      Thread.sleep(100);
    }
  }

  /** {@code etcdctl endpoint health} run through the member's command prefix exits 0. */
  private static boolean healthyFromItsNetwork(Member member) throws InterruptedException {
    List<String> argv = new ArrayList<>(member.commandPrefix());
    argv.addAll(
        List.of(
            "etcdctl",
            "--endpoints=" + member.clientUrl(),
            "--command-timeout=2s",
            "endpoint",
            "health"));
    try {
      Process probe =
          new ProcessBuilder(argv)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!probe.waitFor(10, TimeUnit.SECONDS)) {
        probe.destroyForcibly();
        return false;
      }
      return probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** The etcd process itself: {@code process}, or its etcd descendant if a prefix forked. */
  private static long etcdPid(Process process) {
    return Stream.concat(Stream.of(process.toHandle()), process.descendants())
        .filter(
            h ->
                h.info()
                    .command()
                    .map(c -> Path.of(c).getFileName().toString())
                    .orElse("")
                    .equals(BINARY))
        .findFirst()
        .map(ProcessHandle::pid)
        .orElse(process.pid());
  }

  private static void awaitGone(long pid, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("etcd process " + pid + " still running after SIGKILL");
      }
      Thread.sleep(20);
    }
  }

  private Path dataDir(Member member) {
    return dataRoot.resolve(member.name() + ".etcd");
  }

  private Path logFile(Member member) {
    return dataRoot.resolve(member.name() + ".log");
  }

  private String logTails() {
    StringBuilder out = new StringBuilder();
    for (Member member : members) {
      Path log = logFile(member);
      out.append("--- last lines of ").append(log).append(":\n");
      try {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        lines
            .subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())
            .forEach(line -> out.append(line).append('\n'));
      } catch (IOException | UncheckedIOException e) {
        out.append("(unreadable: ").append(e).append(")\n");
      }
    }
    return out.toString();
  }
}
