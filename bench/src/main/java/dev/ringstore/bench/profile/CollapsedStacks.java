package dev.ringstore.bench.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
                stacks.add(
                    new Stack(
                        List.of(line.substring(0, space).split(";")),
                        Long.parseLong(line.substring(space + 1).strip())));
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new CollapsedStacks(List.copyOf(stacks));
  }

  public long total() {
    return stacks.stream().mapToLong(Stack::samples).sum();
  }
}
