package dev.ringstore.gossip.antientropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Abort;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Differences;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.InSync;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.NodeHashes;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Open;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Roots;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.RootsDiffer;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.SegmentEntries;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AntiEntropyMessageCodecTest {
  private static final VersionDigest D1 = new VersionDigest(1, -1);
  private static final VersionDigest D2 = new VersionDigest(-2, 2);
  private static final List<KeyVersion> ENTRIES =
      List.of(KeyVersion.of(new byte[] {1}, D1), KeyVersion.of(new byte[] {(byte) 0x90, 0}, D2));

  private static final TreeHash H1 = new TreeHash(5, 6);
  private static final TreeHash H2 = new TreeHash(-7, 8);

  static List<AntiEntropyMessage> examples() {
    return List.of(
        new Open(1023, TreeShape.DEFAULT, new TreeHash(5, 6)),
        new NodeHashes(2, List.of(0, 7, 300), List.of(TreeHash.ZERO, new TreeHash(-1, 1))),
        new SegmentEntries(List.of(3, 4, 1000), ENTRIES),
        new Differences(List.of(0, 5, 6), Arrays.asList(D1, null, D2), ENTRIES),
        new InSync(),
        new Abort("cannot compare trees: ünïcode"),
        new Roots(TreeShape.DEFAULT, List.of(0, 1, 1023), List.of(H1, TreeHash.ZERO, H2)),
        new RootsDiffer(List.of(1, 700)));
  }

  @Test
  void rootsCostSixteenBytesABucketAndAboutOneForItsNumber() {
    List<Integer> all = java.util.stream.IntStream.range(0, 1024).boxed().toList();
    List<TreeHash> roots = all.stream().map(b -> new TreeHash(b, -b)).toList();
    int size = AntiEntropyMessageCodec.encodedSize(new Roots(TreeShape.DEFAULT, all, roots));
    assertThat(size).isEqualTo(1 + 2 + 2 + 1024 + 1024 * 16);
  }

  @Test
  void rootsWithFewerHashesThanBucketsAreRejected() {
    byte[] whole =
        AntiEntropyMessageCodec.encode(
            new Roots(TreeShape.DEFAULT, List.of(0, 1), List.of(H1, H2)));
    byte[] cut = Arrays.copyOf(whole, whole.length - 16);
    assertThatThrownBy(() -> AntiEntropyMessageCodec.decode(cut))
        .isInstanceOf(InvalidAntiEntropyMessageException.class);
  }

  @Test
  void everyKindOfMessageRoundTrips() {
    for (AntiEntropyMessage message : examples()) {
      byte[] bytes = AntiEntropyMessageCodec.encode(message);
      assertThat(AntiEntropyMessageCodec.decode(bytes)).isEqualTo(message);
    }
  }

  @Test
  void anOpenIsTwentyOneBytesAndAnInSyncOne() {
    assertThat(AntiEntropyMessageCodec.encodedSize(examples().get(0))).isEqualTo(1 + 2 + 2 + 16);
    assertThat(AntiEntropyMessageCodec.encodedSize(new InSync())).isEqualTo(1);
  }

  @Test
  void anEntryCostsItsKeyAndSeventeenBytes() {
    int none = AntiEntropyMessageCodec.encodedSize(new SegmentEntries(List.of(3), List.of()));
    int two = AntiEntropyMessageCodec.encodedSize(new SegmentEntries(List.of(3), ENTRIES));
    assertThat(two - none).isEqualTo((1 + 1 + 16) + (1 + 2 + 16));
  }

  @Test
  void entriesOutOfKeyOrderAreRejected() {
    List<KeyVersion> backwards = List.of(ENTRIES.get(1), ENTRIES.get(0));
    byte[] bytes = AntiEntropyMessageCodec.encode(new SegmentEntries(List.of(1), backwards));
    assertThatThrownBy(() -> AntiEntropyMessageCodec.decode(bytes))
        .isInstanceOf(InvalidAntiEntropyMessageException.class)
        .hasMessageContaining("order");
  }

  @Test
  void aTruncatedMessageIsRejected() {
    byte[] bytes = AntiEntropyMessageCodec.encode(examples().get(2));
    for (int length = 0; length < bytes.length; length++) {
      byte[] truncated = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> AntiEntropyMessageCodec.decode(truncated))
          .isInstanceOf(InvalidAntiEntropyMessageException.class);
    }
  }
}
