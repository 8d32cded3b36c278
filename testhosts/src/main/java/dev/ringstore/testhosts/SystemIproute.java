package dev.ringstore.testhosts;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The real {@code ip} binary, run with {@link ProcessBuilder}. */
final class SystemIproute implements Iproute {
  /** Root's usual PATH entries, searched after PATH: a non-login shell often lacks sbin. */
  private static final List<String> SBIN_DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");

  private static final long TIMEOUT_SECONDS = 30;

  private final String binary;

  SystemIproute(String binary) {
    this.binary = binary;
  }

  /** Finds {@code ip} on PATH or in the sbin directories. */
  static Optional<String> locate() {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Stream.concat(Stream.of(path.split(File.pathSeparator)), SBIN_DIRS.stream())
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "ip"))
        .filter(Files::isExecutable)
        .map(Path::toString)
        .findFirst();
  }

  @Override
  public String binary() {
    return binary;
  }

  @Override
  public String run(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(binary);
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).start();
      // ip writes a few lines at most, so reading one stream after the other cannot fill a pipe.
      String out = read(process.getInputStream());
      String err = read(process.getErrorStream());
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new CommandFailedException(
            command, "did not finish in " + TIMEOUT_SECONDS + "s", null);
      }
      if (process.exitValue() != 0) {
        throw new CommandFailedException(command, process.exitValue(), err);
      }
      return out;
    } catch (IOException e) {
      throw new CommandFailedException(command, "could not be started", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailedException(command, "was interrupted", e);
    }
  }

  private static String read(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
