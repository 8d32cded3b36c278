package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What passes the Raft peer filter during and after a config replica's outage, fed the lines Ratis
 * 3.3 logged on the leader while a follower was down (seen in a local cluster).
 */
@Timeout(30)
class RaftPeerFailureFilterTest {
  private static final String LIFE_CYCLE = "org.apache.ratis.util.LifeCycle";
  private static final String APPENDER = "org.apache.ratis.server.leader.LogAppender";
  private static final String DIVISION = "org.apache.ratis.server.RaftServer$Division";

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final LoggerContext context = new LoggerContext();
  private final ListAppender<ILoggingEvent> written = new ListAppender<>();
  private RaftPeerFailureFilter filter;

  @BeforeEach
  void configure() {
    InstantSource clock = now::get;
    filter = new RaftPeerFailureFilter(clock);
    filter.setContext(context);
    filter.start();
    context.addTurboFilter(filter);
    context.getLogger("org.apache.ratis").setLevel(Level.WARN);
    context.getLogger(DIVISION).setLevel(Level.INFO);
    written.setContext(context);
    written.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(written);
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  /** One reconnect attempt to c1 at 127.0.0.1:27500, as Ratis logs it. */
  private void failedReconnect(int retry) {
    ConnectException refused =
        new ConnectException(
            "finishConnect(..) failed with error(-111): Connection refused: /127.0.0.1:27500");
    Logger lifeCycle = context.getLogger(LIFE_CYCLE);
    lifeCycle.warn(
        "{}: Failed to start (state={})", "NettyClient-127.0.0.1:27500", "STARTING", refused);
    lifeCycle.warn("{}: Failed to start (state={})", "c1|127.0.0.1:27500", "STARTING", refused);
    lifeCycle.error(
        "{} has failed ({} -> {})", "NettyClient-127.0.0.1:27500", "STARTING", "EXCEPTION");
    if (retry % 10 == 1) {
      context
          .getLogger(APPENDER)
          .warn(
              "{}: Failed to appendEntries (retry={})",
              "c3@group-D0A65DE10608->c1-LogAppenderDefault",
              retry,
              new IOException("Closing connection to c1|127.0.0.1:27500", refused));
    }
  }

  private List<String> lines() {
    return written.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  @Test
  void anOutageIsOneLinePerLoggerAndPeerThenOneWhenThePeerIsReachableAgain() {
    for (int retry = 1; retry <= 1000; retry++) {
      failedReconnect(retry);
      now.set(now.get().plusMillis(40));
    }

    assertThat(lines())
        .containsExactly(
            "WARN LifeCycle cannot reach raft peer 127.0.0.1:27500: ConnectException:"
                + " finishConnect(..) failed with error(-111): Connection refused: /127.0.0.1:27500;"
                + " repeats are counted, not logged, until it is reachable again",
            "WARN LogAppender cannot reach raft peer c1: ConnectException: finishConnect(..) failed"
                + " with error(-111): Connection refused: /127.0.0.1:27500; repeats are counted, not"
                + " logged, until it is reachable again");
    assertThat(written.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());

    filter.reportRecoveries();
    assertThat(written.list).as("still failing a moment ago: not over").hasSize(2);

    now.set(now.get().plus(Duration.ofSeconds(6)));
    filter.reportRecoveries();
    assertThat(lines().subList(2, 4))
        .containsExactlyInAnyOrder(
            "INFO LifeCycle: raft peer 127.0.0.1:27500 reachable again after 3000 failures reported"
                + " in 39 s",
            "INFO LogAppender: raft peer c1 reachable again after 100 failures reported in 39 s");

    failedReconnect(1);
    assertThat(written.list).as("a new outage is logged again").hasSize(6);
  }

  @Test
  void roleChangesAndOtherWarningsPassUntouched() {
    failedReconnect(1);
    context
        .getLogger(DIVISION)
        .info("{}: changes role from {} to {} at term {}", "c3@group", "CANDIDATE", "LEADER", 2);
    context.getLogger(LIFE_CYCLE).warn("no peer named in this warning", new IOException("disk"));
    context
        .getLogger("org.apache.ratis.netty.NettyRpcProxy")
        .warn("Still have 1 requests outstanding from c1|127.0.0.1:27500 connection: closed");
    context.getLogger("dev.ringstore.config.Other").error("c1|127.0.0.1:27500 has failed");

    assertThat(lines())
        .hasSize(6)
        .contains(
            "INFO c3@group: changes role from CANDIDATE to LEADER at term 2",
            "WARN no peer named in this warning",
            "WARN Still have 1 requests outstanding from c1|127.0.0.1:27500 connection: closed",
            "ERROR c1|127.0.0.1:27500 has failed");
  }

  @Test
  void eachPeerHasItsOwnOutage() {
    context
        .getLogger(LIFE_CYCLE)
        .warn("{}: Failed to start", "NettyClient-127.0.0.1:27500", new ConnectException("a"));
    context
        .getLogger(LIFE_CYCLE)
        .warn("{}: Failed to start", "NettyClient-127.0.0.1:27501", new ConnectException("b"));
    context
        .getLogger(LIFE_CYCLE)
        .warn("{}: Failed to start", "NettyClient-127.0.0.1:27501", new ConnectException("b"));

    assertThat(lines())
        .hasSize(2)
        .anySatisfy(line -> assertThat(line).contains("127.0.0.1:27500"))
        .anySatisfy(line -> assertThat(line).contains("127.0.0.1:27501"));
  }
}
