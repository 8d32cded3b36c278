package dev.ringstore.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command that starts another {@code ringstore} process like this one: the same java binary,
 * this jar (or, when run from classes, this class path), the class-data sharing archive {@code
 * bin/ringstore} runs this process with (named in {@value #CDS_ARCHIVE_VARIABLE}), and the JVM
 * options in {@code RINGSTORE_JAVA_OPTS}, which {@code bin/ringstore} applies to the first process
 * too.
 */
final class JarLauncher {
  /** The archive bin/ringstore mapped into this process, if any: cli/target/ringstore.jsa. */
  static final String CDS_ARCHIVE_VARIABLE = "RINGSTORE_CDS_ARCHIVE";

  static final String JAVA_OPTS_VARIABLE = "RINGSTORE_JAVA_OPTS";

  private JarLauncher() {}

  /** The command up to and including the main class; append the subcommand and its arguments. */
  static List<String> command() {
    return command(javaBinary(), classPath(), System.getenv());
  }

  /**
   * The command for {@code java} running {@code classPath} with {@code environment}'s archive and
   * options. The archive is for the runnable jar alone, and an archive the child's JVM turns down
   * (a rebuilt jar, another java) is ignored without a word; the options come after it, so that
   * they can override it ({@code -Xshare:off}).
   */
  static List<String> command(String java, String classPath, Map<String, String> environment) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(cdsOptions(classPath, environment.get(CDS_ARCHIVE_VARIABLE)));
    String options = environment.get(JAVA_OPTS_VARIABLE);
    if (options != null && !options.isBlank()) {
      command.addAll(Arrays.asList(options.strip().split("\\s+")));
    }
    command.addAll(List.of("-cp", classPath, Ringstore.class.getName()));
    return command;
  }

  private static List<String> cdsOptions(String classPath, String archive) {
    if (archive == null || archive.isBlank() || !classPath.endsWith(".jar")) {
      return List.of();
    }
    try {
      if (!Files.isRegularFile(Path.of(archive)) || !Files.isRegularFile(Path.of(classPath))) {
        return List.of();
      }
    } catch (InvalidPathException e) {
      return List.of();
    }
    return List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off");
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
