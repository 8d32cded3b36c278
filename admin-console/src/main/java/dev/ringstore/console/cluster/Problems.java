package dev.ringstore.console.cluster;

import dev.ringstore.protocol.RingstoreException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** One line saying why something did not answer, for the pages. */
public final class Problems {
  private Problems() {}

  public static String describe(Throwable failure) {
    Throwable e = failure;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof RingstoreException ringstore) {
      return ringstore.code() + ": " + ringstore.detail();
    }
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : message.lines().findFirst().orElse(message);
  }
}
