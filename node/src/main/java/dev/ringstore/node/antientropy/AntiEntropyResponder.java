package dev.ringstore.node.antientropy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.protobuf.ByteString;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage;
import dev.ringstore.gossip.antientropy.AntiEntropyMessageCodec;
import dev.ringstore.gossip.antientropy.AntiEntropySession;
import dev.ringstore.gossip.antientropy.InvalidAntiEntropyMessageException;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.AntiEntropyRequest;
import dev.ringstore.protocol.v1.AntiEntropyResponse;
import dev.ringstore.protocol.v1.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answering side of Merkle-tree exchanges: one {@link AntiEntropySession} per initiator and
 * exchange, forgotten when it ends or after a minute without a message (an initiator that died);
 * and of root sweeps, which need no session: the answer names the buckets to exchange. Blocking (it
 * may build a tree or scan a bucket): call it on a storage thread.
 */
public final class AntiEntropyResponder {
  private static final Duration IDLE_SESSION = Duration.ofMinutes(1);

  private final MerkleTrees trees;
  private final int buckets;
  private final Cache<String, AntiEntropySession> sessions =
      Caffeine.newBuilder().expireAfterAccess(IDLE_SESSION).maximumSize(10_000).build();

  public AntiEntropyResponder(MerkleTrees trees, int buckets) {
    this.trees = trees;
    this.buckets = buckets;
  }

  public AntiEntropyResponse answer(AntiEntropyRequest request) {
    AntiEntropyMessage message;
    try {
      message = AntiEntropyMessageCodec.decode(request.getMessage().toByteArray());
    } catch (InvalidAntiEntropyMessageException e) {
      throw new RingstoreException(
          ErrorCode.BAD_REQUEST, "bad anti-entropy message: " + e.getMessage());
    }
    if (message instanceof AntiEntropyMessage.Roots roots) {
      return encoded(Optional.of(differing(roots)));
    }
    String name = request.getFrom() + "/" + request.getSession();
    AntiEntropySession session = sessions.getIfPresent(name);
    if (session == null) {
      if (!(message instanceof AntiEntropyMessage.Open open)) {
        return AntiEntropyResponse.getDefaultInstance(); // an exchange this node no longer holds
      }
      if (open.bucket() < 0 || open.bucket() >= buckets) {
        throw new RingstoreException(ErrorCode.BAD_REQUEST, "no bucket " + open.bucket());
      }
      session =
          AntiEntropySession.responder(
              open.bucket(), trees.tree(open.bucket()), trees.source(open.bucket()));
      sessions.put(name, session);
    }
    Optional<AntiEntropyMessage> reply = session.receive(message);
    if (reply.isEmpty() || session.isDone()) {
      sessions.invalidate(name);
    }
    return encoded(reply);
  }

  /** The buckets of a root sweep whose roots differ here, or that have no current tree here. */
  private AntiEntropyMessage.RootsDiffer differing(AntiEntropyMessage.Roots roots) {
    boolean sameShape = roots.shape().equals(trees.shape());
    List<Integer> differ = new ArrayList<>();
    for (int i = 0; i < roots.buckets().size(); i++) {
      int bucket = roots.buckets().get(i);
      if (bucket >= buckets) {
        throw new RingstoreException(ErrorCode.BAD_REQUEST, "no bucket " + bucket);
      }
      if (!sameShape || !trees.currentRoot(bucket).equals(Optional.of(roots.roots().get(i)))) {
        differ.add(bucket);
      }
    }
    return new AntiEntropyMessage.RootsDiffer(differ);
  }

  private static AntiEntropyResponse encoded(Optional<AntiEntropyMessage> reply) {
    return reply
        .map(
            m ->
                AntiEntropyResponse.newBuilder()
                    .setMessage(ByteString.copyFrom(AntiEntropyMessageCodec.encode(m)))
                    .build())
        .orElse(AntiEntropyResponse.getDefaultInstance());
  }
}
