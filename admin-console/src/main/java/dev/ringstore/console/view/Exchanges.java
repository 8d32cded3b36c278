package dev.ringstore.console.view;

import com.fasterxml.jackson.databind.JsonNode;

/** Anti-entropy exchange times in a node's report. */
final class Exchanges {
  private Exchanges() {}

  /** The node's newest exchange with any peer, 0 when it has had none. */
  static long newest(JsonNode report) {
    long newest = 0;
    for (JsonNode at : report.path("antiEntropy").path("lastExchangeMillis")) {
      newest = Math.max(newest, at.asLong(0));
    }
    return newest;
  }

  /** When {@code node} last exchanged with {@code peer}, by {@code node}'s report; 0: never. */
  static long between(JsonNode report, String peer) {
    return report.path("antiEntropy").path("lastExchangeMillis").path(peer).asLong(0);
  }
}
