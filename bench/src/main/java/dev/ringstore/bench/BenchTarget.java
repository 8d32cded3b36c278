package dev.ringstore.bench;

import dev.ringstore.client.NodeClient;
import dev.ringstore.client.PutResult;
import dev.ringstore.client.Store;
import dev.ringstore.client.WriteOptions;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * What one load loop sends its operations through: a {@link NodeClient} connection to one node,
 * which coordinates whatever it receives (server-driven: a write reaching a non-primary is
 * forwarded), or the token-aware {@link dev.ringstore.client.RingstoreClient}, which sends each key
 * to its primary (client-driven, Dynamo's section 6.4).
 */
interface BenchTarget {

  CompletableFuture<?> get(byte[] key);

  /** Writes and answers the context after the write. */
  CompletableFuture<String> put(byte[] key, byte[] value, String context);

  static BenchTarget of(NodeClient client) {
    return new BenchTarget() {
      @Override
      public CompletableFuture<?> get(byte[] key) {
        return client.getAsync(key);
      }

      @Override
      public CompletableFuture<String> put(byte[] key, byte[] value, String context) {
        return client.putAsync(key, value, context, false).thenApply(PutResult::context);
      }
    };
  }

  static BenchTarget of(Store<byte[]> store) {
    return new BenchTarget() {
      @Override
      public CompletableFuture<?> get(byte[] key) {
        return store.get(new String(key, StandardCharsets.UTF_8));
      }

      @Override
      public CompletableFuture<String> put(byte[] key, byte[] value, String context) {
        return store
            .put(new String(key, StandardCharsets.UTF_8), value, context, WriteOptions.defaults())
            .thenApply(PutResult::context);
      }
    };
  }
}
