package dev.ringstore.bench.profile;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU samples summed by {@link Stage}, and the same as CPU milliseconds per operation: with
 * async-profiler's {@code event=cpu,interval=1ms} one sample is about one millisecond of CPU.
 */
public final class StageBreakdown {
  private final Map<Stage, Long> samples = new EnumMap<>(Stage.class);
  private final long total;

  public StageBreakdown(CollapsedStacks stacks) {
    long sum = 0;
    for (CollapsedStacks.Stack stack : stacks.stacks()) {
      samples.merge(Stage.of(stack.frames()), stack.samples(), Long::sum);
      sum += stack.samples();
    }
    this.total = sum;
  }

  public long total() {
    return total;
  }

  public long samples(Stage stage) {
    return samples.getOrDefault(stage, 0L);
  }

  /** A Markdown table: stage, share of samples, CPU ms per operation over {@code operations}. */
  public String markdown(long operations) {
    StringBuilder out = new StringBuilder();
    out.append("| stage | share of CPU samples | CPU ms/op |\n| :-- | --: | --: |\n");
    samples.entrySet().stream()
        .sorted(Map.Entry.<Stage, Long>comparingByValue().reversed())
        .forEach(
            e ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "| %s | %.1f%% | %.3f |%n",
                        e.getKey().label(),
                        100.0 * e.getValue() / Math.max(1, total),
                        operations == 0 ? 0.0 : (double) e.getValue() / operations)));
    out.append(
        String.format(
            Locale.ROOT,
            "| **all** | 100%% | %.3f |%n",
            operations == 0 ? 0.0 : (double) total / operations));
    return out.toString();
  }
}
