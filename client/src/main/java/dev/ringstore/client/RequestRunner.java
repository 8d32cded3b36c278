package dev.ringstore.client;

import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Sends one key's request the way the client promises: to the first node of the key's preference
 * list that answers (a node that cannot be reached sends the request on to the next at once), again
 * after a backoff when a node answers OVERLOADED (any request) or TIMEOUT / UNAVAILABLE (reads
 * only: a write that timed out may have landed, and the application decides), with a second request
 * to the next node when a hedged read is slow, and with the table refreshed whenever a reply names
 * a newer version. Never blocks: pauses run on the client's timer.
 */
final class RequestRunner {
  /** Added to a request's timeout to get how long the client waits for the node's reply. */
  static final Duration REPLY_MARGIN = Duration.ofMillis(500);

  private final ClientTransport transport;
  private final RoutingCache routing;
  private final NodeHealth health;
  private final RetryPolicy retry;
  private final ScheduledExecutorService timer;
  private final RandomGenerator random;
  private final ClientMetrics metrics;
  private final Duration defaultTimeout;
  private final LatencyTracker hedging;

  RequestRunner(
      ClientTransport transport,
      RoutingCache routing,
      NodeHealth health,
      RetryPolicy retry,
      ScheduledExecutorService timer,
      RandomGenerator random,
      ClientMetrics metrics,
      Duration defaultTimeout,
      LatencyTracker hedging) {
    this.transport = transport;
    this.routing = routing;
    this.health = health;
    this.retry = retry;
    this.timer = timer;
    this.random = random;
    this.metrics = metrics;
    this.defaultTimeout = defaultTimeout;
    this.hedging = hedging;
  }

  /** One operation on {@code key}; {@code read} marks it idempotent (retried and hedged freely). */
  CompletableFuture<Response> run(
      String op, byte[] key, Request request, Duration timeout, boolean read) {
    long started = System.nanoTime();
    Duration wait = (timeout.isZero() ? defaultTimeout : timeout).plus(REPLY_MARGIN);
    Call call = new Call(op, key, request, wait, read);
    CompletableFuture<Response> result =
        routing.version() == 0
            ? routing.refresh().thenCompose(ignored -> call.attempt(1))
            : call.attempt(1);
    return result.whenComplete(
        (response, failure) -> {
          Duration took = Duration.ofNanos(System.nanoTime() - started);
          ErrorCode code = failure == null ? null : ClientFailures.code(failure);
          metrics.request(op, failure == null ? "ok" : code == null ? "failed" : code.name(), took);
          if (read && failure == null && hedging != null) {
            hedging.record(took);
          }
        });
  }

  /** One operation's tries. */
  private final class Call {
    private final String op;
    private final byte[] key;
    private final Request request;
    private final Duration wait;
    private final boolean read;

    Call(String op, byte[] key, Request request, Duration wait, boolean read) {
      this.op = op;
      this.key = key;
      this.request = request;
      this.wait = wait;
      this.read = read;
    }

    CompletableFuture<Response> attempt(int number) {
      List<String> candidates = health.order(routing.candidates(key));
      if (candidates.isEmpty()) {
        return CompletableFuture.failedFuture(
            new RingstoreException(ErrorCode.UNAVAILABLE, "the client has no bucket table yet"));
      }
      CompletableFuture<Response> reply = hedged(candidates);
      return reply.thenCompose(
          response -> {
            if (!response.hasError()) {
              return CompletableFuture.completedFuture(response);
            }
            ErrorCode code = response.getError().getCode();
            if (code == ErrorCode.STALE_TABLE && number < retry.attempts()) {
              metrics.retry(op, code.name());
              return routing.refresh().thenCompose(table -> attempt(number + 1));
            }
            boolean again =
                code == ErrorCode.OVERLOADED
                    || (read && (code == ErrorCode.TIMEOUT || code == ErrorCode.UNAVAILABLE));
            if (!again || number >= retry.attempts()) {
              return CompletableFuture.failedFuture(
                  RingstoreException.fromError(response.getError()));
            }
            metrics.retry(op, code.name());
            return later(retry.backoff(number, random)).thenCompose(x -> attempt(number + 1));
          });
    }

    private CompletableFuture<Response> hedged(List<String> candidates) {
      CompletableFuture<Response> first = walk(candidates, 0, null);
      if (!read || hedging == null || candidates.size() < 2) {
        return first;
      }
      CompletableFuture<Response> winner = new CompletableFuture<>();
      first.whenComplete(
          (response, failure) -> {
            if (failure != null) {
              winner.completeExceptionally(failure);
            } else {
              winner.complete(response);
            }
          });
      timer.schedule(
          () -> {
            if (winner.isDone()) {
              return;
            }
            metrics.hedge(op, "sent");
            walk(candidates, 1, null)
                .thenAccept(
                    response -> {
                      if (!response.hasError() && !winner.isDone()) {
                        metrics.hedge(op, "won");
                        winner.complete(response);
                      }
                    });
          },
          hedging.hedgeDelay().toNanos(),
          TimeUnit.NANOSECONDS);
      return winner;
    }

    /**
     * Sends to {@code candidates[index]}, and to the next ones while none can be reached. A write
     * whose node took it but did not reply in time is not sent again (it may have landed).
     */
    private CompletableFuture<Response> walk(List<String> candidates, int index, String failures) {
      if (index == candidates.size()) {
        return CompletableFuture.failedFuture(
            new RingstoreException(ErrorCode.UNAVAILABLE, "no node answered: " + failures));
      }
      String node = candidates.get(index);
      Request stamped = request.toBuilder().setTableVersion(routing.version()).build();
      return transport
          .send(node, stamped, wait)
          .thenApply(
              response -> {
                health.answered(node);
                routing.onReplyVersion(response.getTableVersion());
                return response;
              })
          .exceptionallyCompose(
              failure -> {
                health.failed(node);
                if (!read && ClientFailures.code(failure) == ErrorCode.TIMEOUT) {
                  return CompletableFuture.failedFuture(ClientFailures.unwrap(failure));
                }
                if (index + 1 < candidates.size()) {
                  metrics.retry(op, "unreachable");
                }
                String reason = node + " (" + ClientFailures.message(failure) + ")";
                return walk(
                    candidates, index + 1, failures == null ? reason : failures + ", " + reason);
              });
    }

    private CompletableFuture<Void> later(Duration pause) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      timer.schedule(() -> done.complete(null), pause.toNanos(), TimeUnit.NANOSECONDS);
      return done;
    }
  }
}
