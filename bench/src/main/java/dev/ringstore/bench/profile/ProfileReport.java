package dev.ringstore.bench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders the flame graph and the CPU-by-stage table again from a directory of collapsed stacks
 * ({@code NN-name-PID.collapsed}, as {@code compare --profile} writes them): one SVG and one table
 * per run, all processes of a run together. Usage: {@code ProfileReport DIR
 * [OPERATIONS-PER-RUN...]} (operations as {@code name=count}, for the per-operation column).
 */
public final class ProfileReport {
  private ProfileReport() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Map<String, Long> operations = new TreeMap<>();
    for (int i = 1; i < args.length; i++) {
      String[] pair = args[i].split("=", 2);
      operations.put(pair[0], Long.parseLong(pair[1]));
    }
    Map<String, List<Path>> runs;
    try (var files = Files.list(dir)) {
      runs =
          files
              .filter(f -> f.toString().endsWith(".collapsed"))
              .collect(
                  Collectors.groupingBy(
                      f -> run(f.getFileName().toString()), TreeMap::new, Collectors.toList()));
    }
    for (Map.Entry<String, List<Path>> run : runs.entrySet()) {
      CollapsedStacks stacks = CollapsedStacks.read(run.getValue());
      long ops = operations.getOrDefault(run.getKey(), 0L);
      String title =
          run.getKey()
              + ": "
              + stacks.total()
              + " CPU samples (1 ms each), "
              + run.getValue().size()
              + " processes"
              + (ops > 0 ? ", " + ops + " operations" : "");
      Files.writeString(dir.resolve(run.getKey() + ".svg"), FlameGraphSvg.render(stacks, title));
      Files.writeString(
          dir.resolve(run.getKey() + ".md"),
          "# " + title + "\n\n" + new StageBreakdown(stacks).markdown(ops));
      System.out.println(dir.resolve(run.getKey() + ".md"));
    }
  }

  /** {@code 01-ringstore-fsync-a-64t-1234.collapsed} → {@code 01-ringstore-fsync-a-64t}. */
  static String run(String file) {
    String base = file.substring(0, file.length() - ".collapsed".length());
    return base.substring(0, base.lastIndexOf('-'));
  }
}
