package dev.ringstore.node.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ringstore.protocol.RingstoreException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** How a request's future ended, for assertions on the error a client would see. */
final class Outcomes {
  private Outcomes() {}

  /** The typed error {@code future} fails with, waiting for it up to ten seconds. */
  static RingstoreException failure(CompletableFuture<?> future) {
    Throwable thrown = catchThrowable(() -> future.get(10, TimeUnit.SECONDS));
    assertThat(thrown)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(RingstoreException.class);
    return (RingstoreException) thrown.getCause();
  }
}
