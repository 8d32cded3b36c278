package dev.ringstore.config.raft;

import dev.ringstore.config.ConsensusUnavailableException;
import dev.ringstore.config.ReplicaId;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;

/**
 * A replica's own Ratis client, which sends commands and queries to the group's leader (whichever
 * replica that is) and gives each a deadline.
 *
 * <p>Each call runs Ratis's blocking API on one of this client's threads: Ratis retries it, with
 * its client id and call id unchanged, until the deadline (see {@link RatisSettings#retryPolicy}),
 * and the servers' retry cache makes those retries apply once. The caller's future fails at the
 * deadline even if an attempt is still in flight or the call is still queued. Futures complete on
 * this client's threads, never on a Netty event loop.
 *
 * <p>Why not Ratis's async API: its ordered sliding window closes for good once one request runs
 * out of retries, so every later request of that client fails at once with {@code
 * AlreadyClosedException}; and concurrent requests it sent over Netty were seen to commit out of
 * order anyway. Concurrent calls here commit in no particular order; a call made after another one
 * completed commits after it.
 */
final class GroupClient implements AutoCloseable {
  /** Calls in flight at once; more wait in a queue (their deadline keeps running). */
  private static final int CALLERS = 8;

  private final RaftClient client;
  private final Duration deadline;
  private final ThreadPoolExecutor callers;
  private final ScheduledThreadPoolExecutor timers;
  private final Set<CompletableFuture<byte[]>> pending = ConcurrentHashMap.newKeySet();

  GroupClient(ReplicaId self, RaftClient client, Duration deadline) {
    this.client = client;
    this.deadline = deadline;
    this.callers =
        new ThreadPoolExecutor(
            CALLERS,
            CALLERS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemons("ringstore-config-client-" + self));
    callers.allowCoreThreadTimeOut(true);
    this.timers = new ScheduledThreadPoolExecutor(1, daemons("ringstore-config-deadline-" + self));
    timers.setRemoveOnCancelPolicy(true);
  }

  CompletableFuture<byte[]> submit(byte[] command) {
    return call("command", () -> client.io().send(message(command)), CommandReply::unwrap);
  }

  CompletableFuture<byte[]> query(byte[] query) {
    return call("query", () -> client.io().sendReadOnly(message(query)), ByteString::toByteArray);
  }

  private CompletableFuture<byte[]> call(
      String what, RaftCall call, Function<ByteString, byte[]> answer) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    pending.add(result);
    result.whenComplete((r, e) -> pending.remove(result));
    try {
      ScheduledFuture<?> timer =
          timers.schedule(
              () ->
                  result.completeExceptionally(
                      new ConsensusUnavailableException(
                          "no leader answered the " + what + " within " + deadline)),
              deadline.toMillis(),
              TimeUnit.MILLISECONDS);
      result.whenComplete((r, e) -> timer.cancel(false));
      callers.execute(() -> run(what, call, answer, result));
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new ConsensusUnavailableException("the replica is closed", e));
    }
    return result;
  }

  private static void run(
      String what,
      RaftCall call,
      Function<ByteString, byte[]> answer,
      CompletableFuture<byte[]> result) {
    if (result.isDone()) {
      return; // Its deadline passed while it waited for a thread.
    }
    RaftClientReply reply;
    try {
      reply = call.send();
    } catch (IOException | RuntimeException e) {
      result.completeExceptionally(failure(what, e));
      return;
    }
    if (!reply.isSuccess()) {
      result.completeExceptionally(failure(what, reply.getException()));
      return;
    }
    try {
      result.complete(answer.apply(reply.getMessage().getContent()));
    } catch (IllegalStateException stateFailed) {
      result.completeExceptionally(stateFailed);
    }
  }

  private static RuntimeException failure(String what, Exception e) {
    if (e instanceof StateMachineException) {
      return new IllegalStateException("the replicated state failed the " + what, e);
    }
    return new ConsensusUnavailableException("the " + what + " failed: " + e, e);
  }

  private static Message message(byte[] bytes) {
    return Message.valueOf(ByteString.copyFrom(bytes));
  }

  /** Closes the Ratis client and fails whatever is still pending. Idempotent. */
  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // Closing only releases connections; a failure leaves nothing to recover.
    } finally {
      callers.shutdownNow();
      timers.shutdownNow();
      ConsensusUnavailableException closed =
          new ConsensusUnavailableException("the replica was closed");
      pending.forEach(f -> f.completeExceptionally(closed));
    }
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** One blocking Ratis call. */
  private interface RaftCall {
    RaftClientReply send() throws IOException;
  }
}
