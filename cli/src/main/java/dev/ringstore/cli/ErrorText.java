package dev.ringstore.cli;

import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** One clear line for a failure: the root cause's message, never a stack trace. */
final class ErrorText {
  private ErrorText() {}

  static String of(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ConnectException) {
      return oneLine("cannot connect: " + cause.getMessage());
    }
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.getClass().getSimpleName();
    }
    if (cause instanceof RingstoreException e
        && e.code() == ErrorCode.UNAVAILABLE
        && message.matches("(?s).*connection to \\S+ closed.*")) {
      // A plain-TCP client on a TLS port sees only this: the server closes without a word.
      message += " (if the cluster runs with TLS, connect with --ca and --cert/--key, or --token)";
    }
    return oneLine(message);
  }

  /** A message that spans lines (a remote error, a parser's) joined into one with "; ". */
  static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
