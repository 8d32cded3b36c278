package dev.ringstore.bench.faults;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code faults --recheck DIR}: the checker run again on a finished run's histories and final
 * states, offline (no root, no cluster), keeping what only the live run could measure — the
 * convergence time and the config leaders per term — from each {@code verdict.json}. For a checker
 * that changed after the run.
 */
final class Recheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Recheck() {}

  static int rewrite(Path dir) throws IOException {
    List<RunResult> results = new ArrayList<>();
    List<Path> runs;
    try (Stream<Path> children = Files.list(dir)) {
      runs =
          children
              .filter(run -> Files.exists(run.resolve("verdict.json")))
              .sorted(Comparator.comparing(Recheck::finishedAt))
              .toList();
    }
    for (Path run : runs) {
      JsonNode old = JSON.readTree(run.resolve("verdict.json").toFile());
      JsonNode convergence = old.get("convergenceSeconds");
      RunResult result =
          new RunResult(
              old.get("nemesis").asText(),
              old.get("control").asBoolean(),
              NemesisRun.check(run),
              convergence == null || convergence.isNull() ? null : convergence.asDouble(),
              JSON.convertValue(old.get("leaderViolations"), new TypeReference<List<String>>() {}));
      JSON.writerWithDefaultPrettyPrinter()
          .writeValue(run.resolve("verdict.json").toFile(), result);
      results.add(result);
    }
    Path summaryFile = dir.resolve("summary.md");
    String settings =
        Files.exists(summaryFile)
            ? Files.readAllLines(summaryFile).stream()
                .filter(line -> line.startsWith(FaultSummary.SETTINGS_START))
                .findFirst()
                .orElse("")
            : "";
    String summary =
        FaultSummary.markdown(
            results, List.of(), settings.replace(" (rechecked)", "") + " (rechecked)");
    Files.writeString(summaryFile, summary);
    System.out.println(summary);
    return results.stream().allMatch(RunResult::passed) ? 0 : 1;
  }

  private static long finishedAt(Path run) {
    try {
      return Files.getLastModifiedTime(run.resolve("final-state.json")).toMillis();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }
}
