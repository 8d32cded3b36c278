package dev.ringstore.bench.partition;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.options.GetOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Carts on etcd: an element is a key {@code <cart>/<element>}, so an add is one put and a read is
 * one range read over the cart's prefix — linearizable (through the leader's quorum) or
 * serializable (any member's local copy, possibly stale).
 */
final class EtcdCarts implements CartTarget {
  private final Client client;
  private final KV kv;
  private final boolean serializable;
  private final Duration timeout;

  EtcdCarts(String endpoints, boolean serializable, Duration timeout) {
    this.client = Client.builder().endpoints(endpoints.split(",")).build();
    this.kv = client.getKVClient();
    this.serializable = serializable;
    this.timeout = timeout;
  }

  @Override
  public CompletableFuture<Void> add(String cart, String element) {
    return kv.put(bytes(cart + "/" + element), bytes("1"))
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(done -> null);
  }

  @Override
  public CompletableFuture<Set<String>> read(String cart) {
    ByteSequence prefix = bytes(cart + "/");
    GetOption option =
        GetOption.builder()
            .isPrefix(true)
            .withKeysOnly(true)
            .withSerializable(serializable)
            .build();
    return kv.get(prefix, option)
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(
            response -> {
              Set<String> elements = new TreeSet<>();
              int skip = cart.length() + 1;
              response
                  .getKvs()
                  .forEach(
                      kv ->
                          elements.add(
                              kv.getKey().toString(StandardCharsets.UTF_8).substring(skip)));
              return elements;
            });
  }

  private static ByteSequence bytes(String text) {
    return ByteSequence.from(text, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    client.close();
  }
}
