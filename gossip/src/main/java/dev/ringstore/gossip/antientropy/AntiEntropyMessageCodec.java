package dev.ringstore.gossip.antientropy;

import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Abort;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Differences;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.InSync;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.NodeHashes;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Open;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Roots;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.RootsDiffer;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.SegmentEntries;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of an {@link AntiEntropyMessage}, as a node carries them in one opaque field of its
 * peer protocol; their length is what an exchange is charged. Varints are unsigned LEB128; an
 * "increasing" list is a count, the first index, then each gap to the previous index minus one;
 * hashes and digests are 16 bytes, big-endian.
 *
 * <pre>
 * byte type, then by type:
 * 1 Open            varint bucket · byte segmentBits · byte fanoutBits · 16 root hash
 * 2 NodeHashes      varint level · increasing parents · varint H · H × 16 hash
 * 3 SegmentEntries  increasing segments · entries
 * 4 Differences     varint D · D × (varint (gap &lt;&lt; 1 | has digest) · [16 digest]) · entries
 * 5 InSync          (nothing)
 * 6 Abort           varint length · UTF-8 reason
 * 7 Roots           byte segmentBits · byte fanoutBits · increasing buckets · B × 16 root hash
 * 8 RootsDiffer     increasing buckets
 *
 * entries = varint E · E × (varint key length · key · 16 digest), keys strictly increasing
 * </pre>
 *
 * A {@code Differences} gap is the position's distance to the previous position minus one, as in
 * increasing lists.
 */
public final class AntiEntropyMessageCodec {
  private static final int MAX_NODES = 1 << TreeShape.MAX_SEGMENT_BITS;

  private AntiEntropyMessageCodec() {}

  /** The message's bytes. */
  public static byte[] encode(AntiEntropyMessage message) {
    WireWriter out = new WireWriter();
    if (message instanceof Open open) {
      out.writeByte(1).writeVarint(open.bucket());
      out.writeByte(open.shape().segmentBits()).writeByte(open.shape().fanoutBits());
      out.writeHash(open.root());
    } else if (message instanceof NodeHashes nodes) {
      out.writeByte(2).writeVarint(nodes.level()).writeIncreasing(nodes.parents());
      out.writeVarint(nodes.hashes().size());
      nodes.hashes().forEach(out::writeHash);
    } else if (message instanceof SegmentEntries entries) {
      out.writeByte(3).writeIncreasing(entries.segments()).writeEntries(entries.entries());
    } else if (message instanceof Differences differences) {
      writeDifferences(out.writeByte(4), differences);
    } else if (message instanceof InSync) {
      out.writeByte(5);
    } else if (message instanceof Roots roots) {
      out.writeByte(7).writeByte(roots.shape().segmentBits()).writeByte(roots.shape().fanoutBits());
      out.writeIncreasing(roots.buckets());
      roots.roots().forEach(out::writeHash);
    } else if (message instanceof RootsDiffer differ) {
      out.writeByte(8).writeIncreasing(differ.buckets());
    } else {
      byte[] reason = ((Abort) message).reason().getBytes(StandardCharsets.UTF_8);
      out.writeByte(6).writeVarint(reason.length).writeBytes(reason);
    }
    return out.toByteArray();
  }

  private static void writeDifferences(WireWriter out, Differences differences) {
    List<Integer> positions = differences.positions();
    out.writeVarint(positions.size());
    int previous = -1;
    for (int i = 0; i < positions.size(); i++) {
      VersionDigest digest = differences.digests().get(i);
      long gap = positions.get(i) - previous - 1;
      previous = positions.get(i);
      out.writeVarint(gap << 1 | (digest == null ? 0 : 1));
      if (digest != null) {
        out.writeDigest(digest);
      }
    }
    out.writeEntries(differences.missing());
  }

  /** How many bytes {@link #encode} makes of {@code message}. */
  public static int encodedSize(AntiEntropyMessage message) {
    return encode(message).length;
  }

  /**
   * The message {@code bytes} hold.
   *
   * @throws InvalidAntiEntropyMessageException if they are not exactly one valid message
   */
  public static AntiEntropyMessage decode(byte[] bytes) {
    WireReader in = new WireReader(bytes);
    AntiEntropyMessage message =
        switch (in.readByte("type")) {
          case 1 -> readOpen(in);
          case 2 -> readNodeHashes(in);
          case 3 ->
              new SegmentEntries(in.readIncreasing("segment", MAX_NODES), in.readEntries("entry"));
          case 4 -> readDifferences(in);
          case 5 -> new InSync();
          case 6 -> new Abort(in.readUtf8(in.readCount("reason length", 1), "reason"));
          case 7 -> readRoots(in);
          case 8 -> new RootsDiffer(in.readIncreasing("bucket", Integer.MAX_VALUE));
          default -> throw in.error("unknown message type");
        };
    in.expectEnd();
    return message;
  }

  private static Open readOpen(WireReader in) {
    int bucket = in.readInt("bucket", Integer.MAX_VALUE);
    return new Open(bucket, readShape(in), in.readHash("root"));
  }

  private static Roots readRoots(WireReader in) {
    TreeShape shape = readShape(in);
    List<Integer> buckets = in.readIncreasing("bucket", Integer.MAX_VALUE);
    List<TreeHash> roots = new ArrayList<>(buckets.size());
    for (int i = 0; i < buckets.size(); i++) {
      roots.add(in.readHash("root"));
    }
    return new Roots(shape, buckets, roots);
  }

  private static TreeShape readShape(WireReader in) {
    int segmentBits = in.readByte("segmentBits");
    int fanoutBits = in.readByte("fanoutBits");
    try {
      return new TreeShape(segmentBits, fanoutBits);
    } catch (IllegalArgumentException e) {
      throw new InvalidAntiEntropyMessageException(e.getMessage(), e);
    }
  }

  private static NodeHashes readNodeHashes(WireReader in) {
    int level = in.readInt("level", TreeShape.MAX_SEGMENT_BITS);
    List<Integer> parents = in.readIncreasing("parent", MAX_NODES);
    List<TreeHash> hashes = new ArrayList<>();
    int count = in.readCount("hash count", TreeHash.BYTES);
    for (int i = 0; i < count; i++) {
      hashes.add(in.readHash("hash"));
    }
    return new NodeHashes(level, parents, hashes);
  }

  private static Differences readDifferences(WireReader in) {
    int count = in.readCount("difference count", 1);
    List<Integer> positions = new ArrayList<>(count);
    List<VersionDigest> digests = new ArrayList<>(count);
    long previous = -1;
    for (int i = 0; i < count; i++) {
      long code = in.readVarint("difference");
      long position = previous + 1 + (code >>> 1);
      if (position < 0 || position > Integer.MAX_VALUE) {
        throw in.error("difference " + i + " is beyond any entry");
      }
      positions.add((int) position);
      previous = position;
      digests.add((code & 1) == 0 ? null : in.readDigest("digest"));
    }
    return new Differences(positions, digests, in.readEntries("missing entry"));
  }
}
