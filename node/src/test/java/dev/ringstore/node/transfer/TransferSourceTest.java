package dev.ringstore.node.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.node.storage.InMemoryStorageEngine;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.v1.TransferPageRequest;
import dev.ringstore.protocol.v1.TransferPageResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TransferSourceTest {
  private static final NodeId N1 = NodeId.of("n1");

  @Test
  void aPageNeverOutgrowsAFrameAndTheNextPageStartsWithWhatDidNotFit() {
    InMemoryStorageEngine storage = new InMemoryStorageEngine(N1, new Random(1));
    store(storage, "a", 4_000_000);
    store(storage, "b", 8_000_000);
    store(storage, "c", 100);
    TransferSource source = new TransferSource(storage);

    List<List<String>> pages = new ArrayList<>();
    ByteString after = null;
    while (true) {
      TransferPageRequest.Builder request =
          TransferPageRequest.newBuilder().setBucket(3).setMaxBytes(TransferSource.MAX_PAGE_BYTES);
      if (after != null) {
        request.setAfter(after);
      }
      TransferPageResponse page = source.page(3, request.build());
      assertThat(page.getSerializedSize()).isLessThan(ProtocolLimits.MAX_FRAME_BYTES_DEFAULT);
      pages.add(page.getEntriesList().stream().map(e -> e.getKey().toStringUtf8()).toList());
      if (page.getDone()) {
        break;
      }
      after = page.getEntries(page.getEntriesCount() - 1).getKey();
    }

    assertThat(pages).containsExactly(List.of("a"), List.of("b"), List.of("c"));
  }

  private static void store(InMemoryStorageEngine storage, String key, int bytes) {
    storage.update(
        3,
        key.getBytes(StandardCharsets.UTF_8),
        set -> set.update(set.context(), new byte[bytes], 0, new ActorId(N1, 1)));
  }
}
