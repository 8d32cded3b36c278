package dev.ringstore.client;

import dev.ringstore.protocol.RingstoreException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Unwrapping what futures wrap, and joining them for the sync facade. */
final class ClientFailures {
  private ClientFailures() {}

  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  static String message(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof RingstoreException known) {
      return known.detail();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }

  /** The error code of a failure, or null when it is not a Ringstore error. */
  static dev.ringstore.protocol.v1.ErrorCode code(Throwable failure) {
    return unwrap(failure) instanceof RingstoreException e ? e.code() : null;
  }

  /** Waits for {@code future}, rethrowing its failure as it was raised. */
  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = unwrap(e);
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
