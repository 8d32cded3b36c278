package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code ringstore} jar as a process, for *IT tests, and finds free ports for it.
 * Public for the ITs of other packages (the console's browser ITs).
 */
public final class CliProcesses {
  private CliProcesses() {}

  /** A finished command: its exit code and what it printed. */
  public record Result(int exitCode, String out, String err) {}

  /** Runs {@code ringstore ARGS...} to completion, waiting at most {@code seconds}. */
  public static Result run(List<String> args, int seconds) throws Exception {
    List<String> command = new ArrayList<>(java());
    command.addAll(args);
    Path err = Files.createTempFile("ringstore-client", ".err");
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(err.toFile())).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out, Files.readString(err));
  }

  /** The command line that starts the jar: this JVM's java, {@code -jar}, the jar. */
  public static List<String> java() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java, "-jar", NodeProcess.JAR.toString());
  }

  /** A base port P with P..P+k-1 and P+1000..P+1000+k-1 all free. */
  static int freeBasePort(int nodes) throws IOException {
    return freeBasePort(nodes, 0);
  }

  /** A base port P with the ports of k nodes and r config replicas free (LocalPorts' layout). */
  static int freeBasePort(int nodes, int configReplicas) throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(20_000, 30_000);
      if (allFree(base, nodes)
          && allFree(base + LocalPorts.HTTP_OFFSET, nodes)
          && allFree(base + LocalPorts.CONFIG_RAFT_OFFSET, configReplicas)
          && allFree(base + LocalPorts.CONFIG_CLIENT_OFFSET, configReplicas)) {
        return base;
      }
    }
    throw new IOException("no free range of ports found");
  }

  private static boolean allFree(int first, int count) {
    for (int port = first; port < first + count; port++) {
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }
}
