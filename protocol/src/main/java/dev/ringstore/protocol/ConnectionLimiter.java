package dev.ringstore.protocol;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one listener to {@link ProtocolLimits#maxConnections()} open connections. Every connection
 * costs a file descriptor, socket buffers and a pipeline whether or not it sends anything, so
 * without a cap a peer that only opens connections exhausts the process. A connection over the cap
 * is closed as soon as it is accepted, before its first read, and counted; connections already
 * admitted never notice.
 *
 * <p>One limiter per listener, shared by its event loops: {@link #admit} may run on any of them at
 * once, hence the atomic count rather than the size of a set.
 */
final class ConnectionLimiter {
  private static final Logger log = LoggerFactory.getLogger(ConnectionLimiter.class);

  private final int maxConnections;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong rejected = new AtomicLong();

  /** A flood would log a line per connection; the first says it all, the count says the rest. */
  private final AtomicBoolean warned = new AtomicBoolean();

  ConnectionLimiter(ProtocolLimits limits) {
    this.maxConnections = limits.maxConnections();
  }

  /**
   * Admits {@code channel}, to be released when it closes, or closes it at once when the listener
   * is full. Call before anything can read from it. Returns whether it was admitted.
   */
  boolean admit(Channel channel) {
    if (open.incrementAndGet() > maxConnections) {
      open.decrementAndGet();
      long count = rejected.incrementAndGet();
      if (warned.compareAndSet(false, true)) {
        log.warn(
            "{} connections open, the limit: closing {} and any further ones until some close"
                + " (counted, logged once)",
            maxConnections,
            channel.remoteAddress());
      } else {
        log.debug("connection {} over the limit, closed ({} so far)", channel, count);
      }
      channel.config().setAutoRead(false);
      channel.close();
      return false;
    }
    channel.closeFuture().addListener(closed -> open.decrementAndGet());
    return true;
  }

  /** Connections admitted and not yet closed. */
  int open() {
    return open.get();
  }

  /** Connections closed at once because the listener was full, since it started. */
  long rejected() {
    return rejected.get();
  }
}
