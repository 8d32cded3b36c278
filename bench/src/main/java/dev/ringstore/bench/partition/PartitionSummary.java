package dev.ringstore.bench.partition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringstore.bench.compare.AvailabilitySecond;
import dev.ringstore.bench.compare.AvailabilitySeries;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The partition run in words and numbers: an overview row per run and side (success during the
 * split, seconds to recover after the heal, acknowledged adds found afterwards), then each run's
 * per-second counts.
 */
final class PartitionSummary {
  private PartitionSummary() {}

  static String markdown(PartitionTimeline t, List<PartitionRun.Measured> runs) {
    StringBuilder out = new StringBuilder("# Availability under a 2 | 3 partition\n\n");
    out.append(
        String.format(
            "Load from %d s to %d s; split at %d s, healed at %d s. Side A: s1, s2 and client ca;"
                + " side B: s3, s4, s5 and client cb.%n%n",
            0, t.seconds(), t.splitAt(), t.healAt()));
    out.append("| system | side | reads ok during split | writes ok during split |")
        .append(" recovered after heal | acknowledged adds found after heal |\n")
        .append("|---|---|---:|---:|---:|---:|\n");
    for (PartitionRun.Measured run : runs) {
      for (AvailabilitySeries side : run.sides()) {
        out.append(overviewRow(t, run, side)).append('\n');
      }
    }
    for (PartitionRun.Measured run : runs) {
      out.append('\n').append(oneRun(t, run));
    }
    return out.toString();
  }

  static String oneRun(PartitionTimeline t, PartitionRun.Measured run) {
    StringBuilder out = new StringBuilder("## " + run.label() + "\n\n");
    out.append("| s | phase | A reads ok / failed | A writes ok / failed |")
        .append(" B reads ok / failed | B writes ok / failed |\n|---:|---|---:|---:|---:|---:|\n");
    List<AvailabilitySecond> a = run.sides().get(0).seconds();
    List<AvailabilitySecond> b = run.sides().get(1).seconds();
    for (int s = 0; s < Math.min(a.size(), b.size()); s++) {
      String phase = s < t.splitAt() ? "before" : s < t.healAt() ? "split" : "healed";
      out.append(
          String.format(
              "| %d | %s | %d / %d | %d / %d | %d / %d | %d / %d |%n",
              s,
              phase,
              a.get(s).readsOk(),
              a.get(s).readsFailed(),
              a.get(s).writesOk(),
              a.get(s).writesFailed(),
              b.get(s).readsOk(),
              b.get(s).readsFailed(),
              b.get(s).writesOk(),
              b.get(s).writesFailed()));
    }
    out.append(
        String.format(
            "%nRecovered %s after the heal; %s%n",
            run.recoverySeconds() == null ? "not within the run" : run.recoverySeconds() + " s",
            verdict(run.verdict())));
    return out.toString();
  }

  private static String overviewRow(
      PartitionTimeline t, PartitionRun.Measured run, AvailabilitySeries side) {
    IntPredicate split = s -> s >= t.splitAt() && s < t.healAt();
    return String.format(
        "| %s | %s | %s | %s | %s | %s |",
        run.label(),
        side.side(),
        percent(side, split, true),
        percent(side, split, false),
        run.recoverySeconds() == null ? "not within the run" : run.recoverySeconds() + " s",
        verdict(run.verdict()));
  }

  private static String percent(AvailabilitySeries side, IntPredicate when, boolean reads) {
    long ok = 0;
    long failed = 0;
    for (AvailabilitySecond s : side.seconds()) {
      if (when.test(s.second())) {
        ok += reads ? s.readsOk() : s.writesOk();
        failed += reads ? s.readsFailed() : s.writesFailed();
      }
    }
    return ok + failed == 0
        ? "-"
        : String.format("%.1f%% of %,d", 100.0 * ok / (ok + failed), ok + failed);
  }

  private static String verdict(JsonNode verdict) {
    long acked = verdict.path("acknowledged").asLong();
    long found = verdict.path("found").asLong();
    double seconds = verdict.path("secondsUntilComplete").asDouble(Double.NaN);
    return String.format(
        "%,d of %,d%s",
        found,
        acked,
        found == acked ? String.format(" (all, after %.1f s)", seconds) : " — MISSING");
  }
}
