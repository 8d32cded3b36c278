package dev.ringstore.cli;

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
    return message == null || message.isBlank()
        ? cause.getClass().getSimpleName()
        : oneLine(message);
  }

  /** A message that spans lines (a remote error, a parser's) joined into one with "; ". */
  static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
