package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shaded jar, run as a real process the way bin/ringstore runs it. */
@Timeout(120)
class RunnableJarIT {
  private static final Path JAR =
      Path.of(System.getProperty("ringstore.jar", "target/ringstore.jar"));

  private static Process start(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void simulateAddPrintsAPlanWithinTheMovementBound() throws Exception {
    assertThat(Files.isRegularFile(JAR)).as("runnable jar at %s", JAR).isTrue();
    Process process =
        start("ring", "simulate", "--nodes", "10", "--zones", "3", "--add", "1", "--json");
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isZero();
    JsonNode plan = new ObjectMapper().readTree(out);
    assertThat(plan.get("moves").size()).isLessThanOrEqualTo((int) (1.2 * 3 * 1024 / 11));
  }

  @Test
  void aBadArgumentExitsTwoWithOneLine() throws Exception {
    Process process = start("ring", "simulate", "--nodes", "3", "--buckets", "100");
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(err.strip().lines()).hasSize(1);
    assertThat(err).contains("buckets must be a power of two");
  }
}
