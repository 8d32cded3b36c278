package dev.ringstore.bench.partition;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ringstore.client.GetResult;
import dev.ringstore.client.JsonCodec;
import dev.ringstore.client.ReadOptions;
import dev.ringstore.client.RingstoreClient;
import dev.ringstore.client.Store;
import dev.ringstore.client.WriteOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carts on Ringstore, written as the shopping cart of the Dynamo paper: an add writes this client's
 * view of the cart plus the element, with the context of the last version it read or wrote, so it
 * supersedes exactly what it saw; a write from the other side of a partition becomes a sibling, and
 * a read merges siblings by union. No acknowledged add is ever lost.
 */
final class RingstoreCarts implements CartTarget {
  private record Seen(Set<String> elements, String context) {}

  private final RingstoreClient client;
  private final Store<Set<String>> carts;
  private final ReadOptions read;
  private final WriteOptions write;
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();

  RingstoreCarts(String config, String seeds, int r, int w, Duration timeout) {
    this.client =
        RingstoreClient.builder()
            .configService(config.split(","))
            .seeds(seeds.split(","))
            .requestTimeout(timeout)
            .connectTimeout(timeout)
            .build();
    this.carts = client.store(JsonCodec.of(new TypeReference<Set<String>>() {}));
    this.read = ReadOptions.defaults().withR(r).withTimeout(timeout);
    this.write = WriteOptions.defaults().withW(w).withTimeout(timeout).withReturnBody(true);
  }

  @Override
  public CompletableFuture<Void> add(String cart, String element) {
    Seen last = seen.get(cart);
    Set<String> next = new TreeSet<>(last == null ? Set.of() : last.elements());
    next.add(element);
    return carts
        .put(cart, next, last == null ? null : last.context(), write)
        .thenAccept(
            done -> {
              // The body shows any sibling written concurrently (the other side's adds): its
              // elements join this client's view, so the next add supersedes it without loss.
              Set<String> all = new TreeSet<>(next);
              done.values().forEach(all::addAll);
              seen.merge(cart, new Seen(all, done.context()), RingstoreCarts::join);
            });
  }

  @Override
  public CompletableFuture<Set<String>> read(String cart) {
    return carts
        .get(cart, read)
        .thenApply(
            result -> {
              Set<String> union = union(result);
              if (result.isFound()) {
                seen.merge(cart, new Seen(union, result.context()), RingstoreCarts::join);
              }
              return union;
            });
  }

  private static Set<String> union(GetResult<Set<String>> result) {
    Set<String> all = new TreeSet<>();
    result.values().forEach(all::addAll);
    return all;
  }

  /** The newest context, and every element either version knew of (so none is dropped). */
  private static Seen join(Seen older, Seen newer) {
    Set<String> all = new TreeSet<>(older.elements());
    all.addAll(newer.elements());
    return new Seen(all, newer.context());
  }

  @Override
  public void close() {
    client.close();
  }
}
