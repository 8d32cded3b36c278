package dev.ringstore.node.storage;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.CausalContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The child process of {@code UncleanShutdownIT}: opens a store, acknowledges {@code count} writes,
 * prints its actor and dies without closing anything ({@link Runtime#halt}), as {@code kill -9}
 * would.
 */
final class CrashingWriter {
  private CrashingWriter() {}

  public static void main(String[] args) {
    StorageConfig config =
        StorageConfig.defaults(Path.of(args[0])).withDurability(Durability.valueOf(args[1]));
    int count = Integer.parseInt(args[2]);
    RocksDbStorageEngine engine =
        RocksDbStorageEngine.open(config, NodeId.of("n1"), new SplittableRandom(11));
    ActorId actor = engine.identity().actor();
    for (int i = 0; i < count; i++) {
      byte[] value = ("v" + i).getBytes(StandardCharsets.UTF_8);
      engine.update(
          i % 8,
          ("k" + i).getBytes(StandardCharsets.UTF_8),
          set -> set.update(CausalContext.EMPTY, value, 1L, actor));
    }
    System.out.println("acked " + count + " as " + actor);
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }
}
