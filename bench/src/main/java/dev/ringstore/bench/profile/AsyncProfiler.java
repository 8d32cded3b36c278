package dev.ringstore.bench.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * async-profiler (Maven Central's {@code tools.profiler:async-profiler}, which carries the native
 * agent) attached to running JVMs through {@code jcmd PID JVMTI.agent_load}: CPU samples of Java,
 * native (RocksDB) and kernel frames, per thread, written as collapsed stacks.
 */
public final class AsyncProfiler {
  private static final String LIBRARY = "linux-x64/libasyncProfiler.so";

  private final Path library;
  private final Path jcmd;

  private AsyncProfiler(Path library, Path jcmd) {
    this.library = library;
    this.jcmd = jcmd;
  }

  /** The profiler; the exception's message says why it cannot run here. */
  public static AsyncProfiler load() throws IOException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      throw new IOException(jcmd + " is missing: profiling needs a JDK, not a JRE");
    }
    try (InputStream in = AsyncProfiler.class.getClassLoader().getResourceAsStream(LIBRARY)) {
      if (in == null) {
        throw new IOException(
            LIBRARY + " is not on the class path (tools.profiler:async-profiler)");
      }
      Path copy = Files.createTempFile("libasyncProfiler", ".so");
      copy.toFile().deleteOnExit();
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return new AsyncProfiler(copy, jcmd);
    }
  }

  /** Starts CPU sampling every millisecond in each process, stacks split by thread. */
  public void start(List<Long> pids) throws IOException, InterruptedException {
    agents(pids, pid -> "start,event=cpu,interval=1ms,cstack=vm,threads");
  }

  /** Stops sampling in each process and writes {@code <prefix>-<pid>.collapsed} files. */
  public void stop(List<Long> pids, Path dir, String prefix)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    agents(
        pids,
        pid ->
            "stop,collapsed,file="
                + dir.resolve(prefix + "-" + pid + ".collapsed").toAbsolutePath());
  }

  /**
   * Loads the agent with per-process options into every process at once (jcmd is slow to start).
   */
  private void agents(List<Long> pids, LongFunction<String> options)
      throws IOException, InterruptedException {
    List<Process> running = new ArrayList<>();
    for (long pid : pids) {
      // jcmd splits its arguments at '=': the agent's options go as one quoted string.
      running.add(
          new ProcessBuilder(
                  jcmd.toString(),
                  Long.toString(pid),
                  "JVMTI.agent_load",
                  library.toString(),
                  "\"" + options.apply(pid) + "\"")
              .redirectErrorStream(true)
              .start());
    }
    for (int i = 0; i < running.size(); i++) {
      Process p = running.get(i);
      String output = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0 || !output.contains("return code: 0")) {
        throw new IOException(
            "async-profiler in process " + pids.get(i) + ": " + output.strip().replace('\n', ' '));
      }
    }
  }

  /** The collapsed-stack files in {@code dir} whose names start with {@code prefix}. */
  public static List<Path> files(Path dir, String prefix) throws IOException {
    try (var list = Files.list(dir)) {
      return list.filter(f -> f.getFileName().toString().startsWith(prefix))
          .filter(f -> f.toString().endsWith(".collapsed"))
          .sorted()
          .toList();
    }
  }
}
