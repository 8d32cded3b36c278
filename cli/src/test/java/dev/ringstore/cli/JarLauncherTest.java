package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a child process is started: the jar, the parent's class-data archive, RINGSTORE_JAVA_OPTS.
 */
@Timeout(60)
class JarLauncherTest {
  private static final String JAVA = "/usr/bin/java";

  @TempDir Path dir;

  private Path jar;
  private Path archive;

  @BeforeEach
  void files() throws Exception {
    jar = Files.writeString(dir.resolve("ringstore.jar"), "jar");
    archive = Files.writeString(dir.resolve("ringstore.jsa"), "archive");
  }

  @Test
  void withoutAnArchiveOrOptionsItIsJavaTheJarAndTheMainClass() {
    assertThat(JarLauncher.command(JAVA, jar.toString(), Map.of()))
        .containsExactly(JAVA, "-cp", jar.toString(), "dev.ringstore.cli.Ringstore");
  }

  @Test
  void theArchiveComesFirstAndTheUsersOptionsAfterItSoTheyWin() {
    var command =
        JarLauncher.command(
            JAVA,
            jar.toString(),
            Map.of(
                "RINGSTORE_CDS_ARCHIVE",
                archive.toString(),
                "RINGSTORE_JAVA_OPTS",
                "  -Xmx1g   -Xshare:off "));

    assertThat(command)
        .containsExactly(
            JAVA,
            "-Xshare:auto",
            "-XX:SharedArchiveFile=" + archive,
            "-Xlog:cds*=off",
            "-Xmx1g",
            "-Xshare:off",
            "-cp",
            jar.toString(),
            "dev.ringstore.cli.Ringstore");
  }

  @Test
  void anArchiveThatIsNotThereIsLeftOut() {
    assertThat(
            JarLauncher.command(
                JAVA,
                jar.toString(),
                Map.of("RINGSTORE_CDS_ARCHIVE", dir.resolve("gone.jsa").toString())))
        .doesNotContain("-Xshare:auto")
        .noneMatch(argument -> argument.startsWith("-XX:SharedArchiveFile"));
    assertThat(JarLauncher.command(JAVA, jar.toString(), Map.of("RINGSTORE_CDS_ARCHIVE", " ")))
        .hasSize(4);
    assertThat(
            JarLauncher.command(JAVA, jar.toString(), Map.of("RINGSTORE_CDS_ARCHIVE", "bad\0path")))
        .hasSize(4);
  }

  @Test
  void aChildRunFromClassesGetsNoArchiveMadeForTheJar() throws Exception {
    String classes = Files.createDirectory(dir.resolve("classes")) + ":" + jar;

    assertThat(
            JarLauncher.command(JAVA, classes, Map.of("RINGSTORE_CDS_ARCHIVE", archive.toString())))
        .containsExactly(JAVA, "-cp", classes, "dev.ringstore.cli.Ringstore");
    assertThat(
            JarLauncher.command(
                JAVA,
                dir.resolve("missing.jar").toString(),
                Map.of("RINGSTORE_CDS_ARCHIVE", archive.toString())))
        .hasSize(4);
  }
}
