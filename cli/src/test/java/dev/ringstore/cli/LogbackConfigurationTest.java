package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.WarnStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logback.xml of {@code ringstore node}, {@code config-server} and {@code local}: stderr by
 * default, and a log file that cannot grow past its five size-capped files when asked for one (as
 * {@code ringstore local} asks for each process it starts).
 */
@Timeout(60)
class LogbackConfigurationTest {
  private static final String LINE = "x".repeat(200);

  @TempDir Path dir;
  private final LoggerContext context = new LoggerContext();

  @AfterEach
  void stop() {
    context.stop();
  }

  private Logger configure(Map<String, String> variables) throws JoranException {
    context.setMDCAdapter(new LogbackMDCAdapter());
    variables.forEach(context::putProperty);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogbackConfigurationTest.class.getResource("/logback.xml"));
    return context.getLogger(Logger.ROOT_LOGGER_NAME);
  }

  private Stream<String> files() throws IOException {
    return Files.list(dir).map(path -> path.getFileName().toString()).sorted();
  }

  @Test
  void aLogFileRollsAtItsSizeCapAndKeepsFiveFilesAtMost() throws Exception {
    Path log = dir.resolve("node.log");
    Logger root =
        configure(
            Map.of(
                "RINGSTORE_LOG_TO", "FILE",
                "RINGSTORE_LOG_FILE", log.toString(),
                "RINGSTORE_LOG_FILE_SIZE", "1KB"));
    assertThat(root.getAppender("STDERR")).isNull();

    // Logback looks at the size every 500 ms: write slowly enough for it to roll many times.
    Path last = dir.resolve("node.log.4");
    for (int i = 0; i < 20_000 && !Files.exists(last); i++) {
      root.info(LINE);
      Thread.sleep(1);
    }
    for (int i = 0; i < 500; i++) {
      root.info(LINE);
      Thread.sleep(1);
    }

    assertThat(files())
        .containsExactly("node.log", "node.log.1", "node.log.2", "node.log.3", "node.log.4");
  }

  @Test
  void byDefaultLogsGoToStderrAndNoFileIsMade() throws Exception {
    Path log = dir.resolve("node.log");
    Logger root = configure(Map.of("RINGSTORE_LOG_FILE", log.toString()));
    root.warn("to stderr");

    assertThat(root.getAppender("STDERR")).isNotNull();
    assertThat(root.getAppender("FILE")).isNull();
    assertThat(files()).isEmpty();
  }

  @Test
  void logbackReportsOnlyItsErrorsNotItsStartUp() throws Exception {
    configure(Map.of());
    assertThat(context.getStatusManager().getCopyOfStatusListenerList())
        .hasAtLeastOneElementOfType(LogbackErrorListener.class);

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    LogbackErrorListener listener =
        new LogbackErrorListener(new PrintStream(err, true, StandardCharsets.UTF_8));
    listener.addStatusEvent(new WarnStatus("Appender named [FILE] not referenced", this));
    listener.addStatusEvent(new ErrorStatus("openFile(/x/node.log) failed", this));
    assertThat(err.toString(StandardCharsets.UTF_8))
        .doesNotContain("not referenced")
        .contains("openFile(/x/node.log) failed");
  }

  @Test
  void theRaftPeerFilterIsInstalledAndStarted() throws Exception {
    configure(Map.of());

    assertThat(context.getTurboFilterList())
        .singleElement()
        .isInstanceOfSatisfying(
            RaftPeerFailureFilter.class, filter -> assertThat(filter.isStarted()).isTrue());
  }
}
