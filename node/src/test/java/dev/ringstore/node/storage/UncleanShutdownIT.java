package dev.ringstore.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.node.storage.NodeIdentity.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real crash: a child JVM acknowledges writes and halts without closing the store. A process
 * crash leaves the operating system's page cache intact, so every acknowledged write survives in
 * both modes; what differs is the incarnation, which an ASYNC store must renew because a machine
 * crash at the same moment could have lost writes.
 */
@Timeout(120)
class UncleanShutdownIT {
  private static final int WRITES = 200;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Durability.class)
  void aKilledNodeKeepsItsAcknowledgedWritesAndRenewsItsIncarnationOnlyIfAsync(
      Durability durability) throws Exception {
    Path data = dir.resolve("storage");
    ActorId crashed = runCrashingWriter(data, durability);

    StorageConfig config = StorageConfig.defaults(data).withDurability(durability);
    try (StorageEngine engine =
        RocksDbStorageEngine.open(config, NodeId.of("n1"), new SplittableRandom(12))) {
      if (durability == Durability.ASYNC) {
        assertThat(engine.identity().origin()).isEqualTo(Origin.NEW_AFTER_UNCLEAN_SHUTDOWN);
        assertThat(engine.identity().actor()).isNotEqualTo(crashed);
      } else {
        assertThat(engine.identity()).isEqualTo(new NodeIdentity(crashed, Origin.RESUMED));
      }
      for (int i = 0; i < WRITES; i++) {
        assertThat(StorageEngineContract.live(engine.get(i % 8, bytes("k" + i))))
            .containsExactly("v" + i);
      }
    }
  }

  private static ActorId runCrashingWriter(Path data, Durability durability)
      throws IOException, InterruptedException {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashingWriter.class.getName(),
                data.toString(),
                durability.name(),
                Integer.toString(WRITES))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> output;
    try (var out = child.getInputStream()) {
      output = new String(out.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String last = output.get(output.size() - 1);
    assertThat(last).startsWith("acked " + WRITES + " as ");
    return ActorId.parse(last.substring(last.lastIndexOf(' ') + 1));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
