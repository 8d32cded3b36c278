package dev.ringstore.bench.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A history of operations as JSON lines, one {@link Op} a line, appended by the workload threads of
 * one client process and flushed as it goes, so a crash leaves what happened until then.
 */
final class HistoryLog implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BufferedWriter out;

  HistoryLog(Path file) throws IOException {
    this.out = Files.newBufferedWriter(file);
  }

  synchronized void append(Op op) {
    try {
      out.write(JSON.writeValueAsString(op));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }

  /** Every operation of the given history files, in file order. */
  static List<Op> read(List<Path> files) throws IOException {
    List<Op> ops = new ArrayList<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          ops.add(JSON.readValue(line, Op.class));
        }
      }
    }
    return ops;
  }
}
