package dev.ringstore.node.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.Uninterruptibles;
import dev.ringstore.common.NodeId;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Closing a node's executors waits for the background work already running, so that nothing a
 * gossip round, a probe or a heartbeat does can reach the network after the node closed its
 * connections and event loops (Netty then logged "Failed to submit a listener notification task").
 */
@Timeout(60)
class NodeExecutorsTest {
  private static NodeExecutors executors() {
    return NodeExecutors.start(
        NodeConfig.defaults(
            NodeId.of("n1"), new InetSocketAddress("127.0.0.1", 0), Path.of("unused")));
  }

  @Test
  void closeReturnsOnlyOnceARunningTimerTaskHasFinished() throws Exception {
    NodeExecutors executors = executors();
    CountDownLatch running = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    executors.every(
        Duration.ofMillis(1),
        () -> {
          running.countDown();
          // A round busy on something that does not heed interrupts (a network call, say): it
          // goes on for a while after close interrupted it.
          Uninterruptibles.sleepUninterruptibly(Duration.ofMillis(300));
          finished.set(true);
        });
    running.await();

    executors.close();

    assertThat(finished).as("the timer task had finished when close returned").isTrue();
  }
}
