package dev.ringstore.bench.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Samples in async-profiler's collapsed format: one line per distinct stack, frames from the thread
 * (root) to the leaf separated by ';', then a space and the number of samples.
 */
public record CollapsedStacks(List<Stack> stacks) {
  /** One distinct stack and how often it was sampled. */
  public record Stack(List<String> frames, long samples) {}

  /** Every stack of every file, unmerged. */
  public static CollapsedStacks read(List<Path> files) {
    List<Stack> stacks = new ArrayList<>();
    for (Path file : files) {
      try (Stream<String> lines = Files.lines(file)) {
        lines.forEach(
            line -> {
              int space = line.lastIndexOf(' ');
              if (space > 0) {
                String[] frames = line.substring(0, space).split(";");
                for (int i = 0; i < frames.length; i++) {
                  frames[i] = normalized(frames[i], i == 0);
                }
                stacks.add(
                    new Stack(List.of(frames), Long.parseLong(line.substring(space + 1).strip())));
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new CollapsedStacks(List.copyOf(stacks));
  }

  private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda\\$[0-9]+\\.0x[0-9a-f]+");
  private static final Pattern THREAD_ID = Pattern.compile(" tid=[0-9]+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  /**
   * One frame as it reads the same in every process: lambda classes without their per-JVM number
   * and address, threads by role ({@code [ringstore-io-n#-#-#]}), so the nodes' samples merge.
   */
  static String normalized(String frame, boolean thread) {
    String f = LAMBDA.matcher(frame).replaceAll("\\$\\$Lambda");
    if (thread) {
      f = DIGITS.matcher(THREAD_ID.matcher(f).replaceAll("")).replaceAll("#");
    }
    return f;
  }

  public long total() {
    return stacks.stream().mapToLong(Stack::samples).sum();
  }
}
