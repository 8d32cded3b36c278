package dev.ringstore.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * A logback turbo filter that turns Ratis's log of every failed attempt to reach a Raft peer (a
 * connection-refused stack trace or three per reconnect, tens of thousands of lines a minute while
 * one config replica is down) into one line per peer per state change: the first failure, then
 * "reachable again after N failed attempts" once the retrying component has had no failure to reach
 * that peer for {@link #setQuietSeconds quiet seconds} (it retries far more often than that, so the
 * silence means it got through). Ratis logs nothing when it reconnects, hence the quiet period.
 *
 * <p>Which events: a WARN or ERROR of an {@code org.apache.ratis} logger that names a peer (an
 * address as in {@code NettyClient-HOST:PORT} or {@code c2|HOST:PORT}, or a log appender's {@code
 * ->c2-}) and carries an {@link IOException} or says the connection "has failed". Outages are kept
 * per logger and peer. Everything else, role changes included, passes untouched.
 */
public final class RaftPeerFailureFilter extends TurboFilter {
  /** The logger the summary lines are written to. */
  static final String SUMMARY_LOGGER = "dev.ringstore.config.RaftPeers";

  private static final String RATIS = "org.apache.ratis";
  private static final Pattern ADDRESS =
      Pattern.compile("(?:NettyClient-|\\|)([A-Za-z0-9_.\\[\\]-]+:\\d{1,5})");
  private static final Pattern APPENDER = Pattern.compile("->([A-Za-z0-9_.]+)-");

  private final InstantSource clock;
  private Duration quiet = Duration.ofSeconds(5);
  private PeerOutages outages;
  private ScheduledExecutorService sweeper;

  /** The filter logback makes from {@code logback.xml}: the system clock. */
  public RaftPeerFailureFilter() {
    this(InstantSource.system());
  }

  RaftPeerFailureFilter(InstantSource clock) {
    this.clock = clock;
  }

  /** How long a peer must go without a failed attempt to count as reachable again (default 5). */
  public void setQuietSeconds(int seconds) {
    this.quiet = Duration.ofSeconds(seconds);
  }

  @Override
  public void start() {
    outages = new PeerOutages(clock, quiet);
    sweeper =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "ringstore-raft-peer-log");
              thread.setDaemon(true);
              return thread;
            });
    sweeper.scheduleWithFixedDelay(this::reportRecoveries, 1, 1, TimeUnit.SECONDS);
    super.start();
  }

  @Override
  public void stop() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    super.stop();
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (!isStarted()
        || format == null
        || !level.isGreaterOrEqual(Level.WARN)
        || !logger.getName().startsWith(RATIS)) {
      return FilterReply.NEUTRAL;
    }
    String message = MessageFormatter.basicArrayFormat(format, params);
    Throwable cause = t != null ? t : MessageFormatter.getThrowableCandidate(params);
    Optional<String> peer = peerIn(message);
    if (peer.isEmpty() || !(rootIsIo(cause) || message.contains("has failed"))) {
      return FilterReply.NEUTRAL;
    }
    String source = logger.getName().substring(logger.getName().lastIndexOf('.') + 1);
    if (outages.failed(new PeerOutages.Peer(source, peer.get()))) {
      summary()
          .warn(
              "{} cannot reach raft peer {}: {}; repeats are counted, not logged, until it is"
                  + " reachable again",
              source,
              peer.get(),
              cause == null ? message : reason(cause));
    }
    return FilterReply.DENY;
  }

  /** Logs each outage that is over; the sweeper runs it every second, tests call it directly. */
  void reportRecoveries() {
    for (PeerOutages.Recovery over : outages.recovered()) {
      summary()
          .info(
              "{}: raft peer {} reachable again after {} failures reported in {} s",
              over.peer().source(),
              over.peer().peer(),
              over.failedAttempts(),
              over.unreachableFor().toSeconds());
    }
  }

  static Optional<String> peerIn(String message) {
    Matcher address = ADDRESS.matcher(message);
    if (address.find()) {
      return Optional.of(address.group(1));
    }
    Matcher appender = APPENDER.matcher(message);
    return appender.find() ? Optional.of(appender.group(1)) : Optional.empty();
  }

  private static boolean rootIsIo(Throwable cause) {
    for (Throwable at = cause; at != null; at = at.getCause()) {
      if (at instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String reason(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null
        ? root.getClass().getSimpleName()
        : root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private org.slf4j.Logger summary() {
    return ((ch.qos.logback.classic.LoggerContext) getContext()).getLogger(SUMMARY_LOGGER);
  }
}
