package dev.ringstore.bench.compare;

import dev.ringstore.bench.profile.AsyncProfiler;
import dev.ringstore.bench.profile.CollapsedStacks;
import dev.ringstore.bench.profile.FlameGraphSvg;
import dev.ringstore.bench.profile.StageBreakdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code --profile}: async-profiler on every Ringstore server process for the measured window of
 * each run (not the load, not the warm-up), then a flame graph and a table of CPU by stage per run
 * in {@code profiles/}. The profiler's own cost lands in the window: profiled runs read a few
 * percent slower than unprofiled ones.
 */
final class ProfiledWindows {
  private final AsyncProfiler profiler;
  private final Path dir;
  private int runs;

  ProfiledWindows(AsyncProfiler profiler, Path dir) {
    this.profiler = profiler;
    this.dir = dir;
  }

  /** Whether a run of {@code system} is profiled: the JVM servers (with TLS too), not etcd. */
  boolean profiles(String system) {
    return system.startsWith(RunResult.RINGSTORE);
  }

  void opened(List<Long> pids) throws IOException, InterruptedException {
    profiler.start(pids);
  }

  /** Stops the profilers and writes {@code NN-label.svg} and {@code NN-label.md}. */
  void closed(List<Long> pids, YcsbRunner.RunSpec spec, long operations)
      throws IOException, InterruptedException {
    String name =
        String.format(
                Locale.ROOT,
                "%02d-%s-%s-%s-%dt",
                ++runs,
                spec.system(),
                spec.durability(),
                spec.workload(),
                spec.threads())
            .toLowerCase(Locale.ROOT);
    profiler.stop(pids, dir, name);
    CollapsedStacks stacks = CollapsedStacks.read(AsyncProfiler.files(dir, name));
    String title =
        String.format(
            Locale.ROOT,
            "%s %s, workload %s, %d threads: %,d operations, %,d CPU samples (1 ms each), %d processes",
            spec.system(),
            spec.durability(),
            spec.workload(),
            spec.threads(),
            operations,
            stacks.total(),
            pids.size());
    Files.writeString(dir.resolve(name + ".svg"), FlameGraphSvg.render(stacks, title));
    Files.writeString(
        dir.resolve(name + ".md"),
        "# " + title + "\n\n" + new StageBreakdown(stacks).markdown(operations));
  }
}
