package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/** The short commands' logging: when it applies, logback.xml's levels, and the line it prints. */
@Timeout(60)
class CommandLoggingTest {
  @ParameterizedTest
  @CsvSource({"get,true", "put,true", "status,true", "ring,true", "--help,true", "node,false"})
  void appliesToEverySubcommandButTheServers(String first, boolean applies) {
    assertThat(CommandLogging.appliesTo(new String[] {first, "x"}, Map.of())).isEqualTo(applies);
    assertThat(CommandLogging.appliesTo(new String[] {"config-server"}, Map.of())).isFalse();
    assertThat(CommandLogging.appliesTo(new String[] {"local", "--nodes", "1"}, Map.of()))
        .isFalse();
    assertThat(CommandLogging.appliesTo(new String[0], Map.of())).isTrue();
  }

  @Test
  void aProviderOrALogbackConfigurationGivenToTheJvmIsKept() {
    String[] get = {"get", "k"};

    assertThat(CommandLogging.appliesTo(get, Map.of("slf4j.provider", "x.Y"))).isFalse();
    assertThat(CommandLogging.appliesTo(get, Map.of("logback.configurationFile", "l.xml")))
        .isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "null,INFO",
        "'',INFO",
        "debug,DEBUG",
        " Warn ,WARN",
        "ERROR,ERROR",
        "all,TRACE",
        "trace,TRACE",
        "off,null",
        "verbose,DEBUG"
      })
  void readsTheRootLevelAsLogbackDoes(String configured, Level expected) {
    assertThat(CommandLogging.rootLevel(configured)).isEqualTo(expected);
  }

  @Test
  void nettyReactorAndRatisStayAtWarnAsInLogbackXml() {
    assertThat(CommandLogging.threshold("io.netty.channel.Foo", Level.DEBUG)).isEqualTo(Level.WARN);
    assertThat(CommandLogging.threshold("io.netty", Level.DEBUG)).isEqualTo(Level.WARN);
    assertThat(CommandLogging.threshold("reactor.netty.X", Level.INFO)).isEqualTo(Level.WARN);
    assertThat(CommandLogging.threshold("org.apache.ratis.grpc.X", Level.INFO))
        .isEqualTo(Level.WARN);
    assertThat(CommandLogging.threshold("org.apache.ratis.server.RaftServer$Division", Level.WARN))
        .isEqualTo(Level.INFO);
    assertThat(CommandLogging.threshold("io.nettyish.X", Level.DEBUG)).isEqualTo(Level.DEBUG);
    assertThat(CommandLogging.threshold("dev.ringstore.protocol.X", null)).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "dev.ringstore.protocol.ResponseReader,d.r.p.ResponseReader",
    "dev.ringstore.Short,dev.ringstore.Short",
    "io.netty.util.internal.PlatformDependent,i.n.u.i.PlatformDependent",
    "io.netty.channel.X,io.netty.channel.X",
    "NoPackageButAVeryLongClassName,NoPackageButAVeryLongClassName"
  })
  void shortensLoggerNamesAsLogbackDoes(String name, String shown) {
    assertThat(CommandLogging.abbreviate(name, 20)).isEqualTo(shown);
  }

  @Test
  void printsOneLineAtOrAboveTheThresholdAndTheStackTraceAfterIt() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    CommandLogging.Factory factory = new CommandLogging.Factory(Level.INFO, out);
    Logger logger = factory.getLogger("dev.ringstore.protocol.ResponseReader");

    logger.debug("not shown {}", 1);
    logger.info("closing {}: {}", "channel", "reason");
    logger.warn("failed", new IllegalStateException("boom"));
    factory.getLogger("io.netty.util.ResourceLeakDetector").info("not shown either");

    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines[0])
        .matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d INFO  \\[.+\\] d\\.r\\.p\\.ResponseReader - closing"
                + " channel: reason");
    assertThat(lines[1])
        .endsWith(
            "WARN  [" + Thread.currentThread().getName() + "]" + " d.r.p.ResponseReader - failed");
    assertThat(lines[2]).isEqualTo("java.lang.IllegalStateException: boom");
    assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("not shown");
    assertThat(logger.isDebugEnabled()).isFalse();
    assertThat(logger.isInfoEnabled()).isTrue();
    assertThat(factory.getLogger("dev.ringstore.protocol.ResponseReader")).isSameAs(logger);
  }
}
