package dev.ringstore.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command that starts another {@code ringstore} process like this one: the same java binary,
 * this jar (or, when run from classes, this class path), and the JVM options in {@code
 * RINGSTORE_JAVA_OPTS}, which {@code bin/ringstore} applies to the first process too.
 */
final class JarLauncher {
  private JarLauncher() {}

  /** The command up to and including the main class; append the subcommand and its arguments. */
  static List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    String options = System.getenv("RINGSTORE_JAVA_OPTS");
    if (options != null && !options.isBlank()) {
      command.addAll(Arrays.asList(options.strip().split("\\s+")));
    }
    command.addAll(List.of("-cp", classPath(), Ringstore.class.getName()));
    return command;
  }

  private static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static String classPath() {
    CodeSource source = Ringstore.class.getProtectionDomain().getCodeSource();
    if (source != null) {
      try {
        Path self = Path.of(source.getLocation().toURI());
        if (Files.isRegularFile(self)) {
          return self.toString();
        }
      } catch (URISyntaxException notAFile) {
        // fall through to the class path this JVM was started with
      }
    }
    return System.getProperty("java.class.path");
  }
}
