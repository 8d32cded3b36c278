package dev.ringstore.gossip.antientropy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs an exchange between two {@link AntiEntropySession}s in memory, passing every message through
 * {@link AntiEntropyMessageCodec} as a network would, and records what crossed: the model for
 * tests, and for the cost figures of docs/anti-entropy.md.
 */
public final class AntiEntropyExchange {
  private AntiEntropyExchange() {}

  /**
   * What an in-memory exchange sent: the size of every message in order (the initiator's first,
   * then alternating), and the bytes each side sent.
   */
  public record Transcript(List<Integer> messageSizes, long initiatorBytes, long responderBytes) {
    public Transcript {
      messageSizes = List.copyOf(messageSizes);
    }

    /** Every byte both sides sent. */
    public long totalBytes() {
      return initiatorBytes + responderBytes;
    }

    /** How many messages crossed. */
    public int messages() {
      return messageSizes.size();
    }
  }

  /** Drives both sessions to the end; both are {@link AntiEntropySession#isDone done} after it. */
  public static Transcript runInMemory(AntiEntropySession initiator, AntiEntropySession responder) {
    List<Integer> sizes = new ArrayList<>();
    long[] sent = new long[2];
    AntiEntropySession[] sides = {initiator, responder};
    int from = 0;
    Optional<AntiEntropyMessage> next = Optional.of(initiator.start());
    while (next.isPresent()) {
      byte[] bytes = AntiEntropyMessageCodec.encode(next.get());
      sizes.add(bytes.length);
      sent[from] += bytes.length;
      from = 1 - from;
      next = sides[from].receive(AntiEntropyMessageCodec.decode(bytes));
    }
    if (!initiator.isDone() || !responder.isDone()) {
      throw new IllegalStateException("the exchange stopped before both sides were done");
    }
    return new Transcript(sizes, sent[0], sent[1]);
  }
}
