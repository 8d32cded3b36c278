package dev.ringstore.bench.ycsb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import site.ycsb.Status;

/** What the etcd binding tells YCSB about each kind of failure; no etcd runs. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EtcdYcsbDbTest {

  @Test
  void callInFlightToAMemberThatDiedIsUnavailableNotAnError() {
    // What jetcd 0.8.5 completes such a call with: a bare gRPC error, not an EtcdException.
    Throwable networkClosed =
        new ExecutionException(
            new CompletionException(
                io.grpc.Status.UNAVAILABLE
                    .withDescription("Network closed for unknown reason")
                    .asRuntimeException()));
    assertThat(EtcdYcsbDb.statusOf(networkClosed)).isEqualTo(Status.SERVICE_UNAVAILABLE);
  }

  @Test
  void noAnswerInTimeOrAClosedConnectionIsUnavailable() {
    assertThat(EtcdYcsbDb.statusOf(new TimeoutException())).isEqualTo(Status.SERVICE_UNAVAILABLE);
    assertThat(EtcdYcsbDb.statusOf(new ExecutionException(new ClosedChannelException())))
        .isEqualTo(Status.SERVICE_UNAVAILABLE);
    assertThat(EtcdYcsbDb.statusOf(io.grpc.Status.DEADLINE_EXCEEDED.asRuntimeException()))
        .isEqualTo(Status.SERVICE_UNAVAILABLE);
  }

  @Test
  void valueInAnotherFormatIsAnUnexpectedState() {
    assertThat(EtcdYcsbDb.statusOf(new IllegalArgumentException("not a YCSB record")))
        .isEqualTo(Status.UNEXPECTED_STATE);
  }

  @Test
  void anyOtherFailureIsAnError() {
    assertThat(EtcdYcsbDb.statusOf(new ExecutionException(new IllegalStateException("boom"))))
        .isEqualTo(Status.ERROR);
    assertThat(EtcdYcsbDb.statusOf(io.grpc.Status.INVALID_ARGUMENT.asRuntimeException()))
        .isEqualTo(Status.ERROR);
  }
}
