package dev.ringstore.ring;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The compact binary form of a {@link BucketTable}, as the config service stores and ships it.
 * Big-endian; strings are Java modified UTF-8 with a 2-byte length:
 *
 * <pre>
 * +--------+--------+---------+---------+----------+--------+-----------+
 * | "RSBT" | format | version | buckets | replicas | tokens | members   |
 * | 4 B    | u8 = 1 | i64     | i32     | u8       | u16    | i32 count |
 * +--------+--------+---------+---------+----------+--------+-----------+
 * then per member: id (string), zone (string, empty = none)
 * then per bucket: list size (u8), member index (u16) per entry
 * then CRC32C of everything before it (i32)
 * </pre>
 *
 * A 1,024-bucket, 3-replica table of 10 nodes takes about 7 KiB.
 */
public final class BucketTableBinary {
  private static final byte[] MAGIC = {'R', 'S', 'B', 'T'};
  private static final int FORMAT = 1;
  private static final int MAX_MEMBERS = 65_535;

  private BucketTableBinary() {}

  public static byte[] encode(BucketTable table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + table.bucketCount() * 8);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeByte(FORMAT);
      out.writeLong(table.version());
      out.writeInt(table.settings().buckets());
      out.writeByte(table.settings().replicas());
      out.writeShort(table.settings().tokens());
      out.writeInt(table.members().size());
      for (Member m : table.members()) {
        out.writeUTF(m.id().value());
        out.writeUTF(m.zoneName().orElse(""));
      }
      for (int b = 0; b < table.bucketCount(); b++) {
        int[] list = table.memberIndices(b);
        out.writeByte(list.length);
        for (int m : list) {
          out.writeShort(m);
        }
      }
      CRC32C crc = new CRC32C();
      crc.update(bytes.toByteArray());
      out.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes a table.
   *
   * @throws InvalidRingException when the bytes are not a valid table: wrong magic or format,
   *     truncated, checksum mismatch, or contents that break a table's rules
   */
  public static BucketTable decode(byte[] encoded) {
    if (encoded.length < MAGIC.length + 5) {
      throw new InvalidRingException("encoded table is truncated: " + encoded.length + " bytes");
    }
    CRC32C crc = new CRC32C();
    crc.update(encoded, 0, encoded.length - 4);
    int stored =
        ((encoded[encoded.length - 4] & 0xff) << 24)
            | ((encoded[encoded.length - 3] & 0xff) << 16)
            | ((encoded[encoded.length - 2] & 0xff) << 8)
            | (encoded[encoded.length - 1] & 0xff);
    if ((int) crc.getValue() != stored) {
      throw new InvalidRingException("encoded table fails its checksum (truncated or corrupt)");
    }
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(encoded, 0, encoded.length - 4))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new InvalidRingException("not an encoded bucket table (bad magic)");
      }
      int format = in.readUnsignedByte();
      if (format != FORMAT) {
        throw new InvalidRingException("unknown bucket table format " + format);
      }
      long version = in.readLong();
      RingSettings settings =
          new RingSettings(in.readInt(), in.readUnsignedByte(), in.readUnsignedShort());
      int memberCount = in.readInt();
      if (memberCount < 1 || memberCount > MAX_MEMBERS) {
        throw new InvalidRingException("bad member count " + memberCount);
      }
      List<Member> members = new ArrayList<>();
      for (int m = 0; m < memberCount; m++) {
        String id = in.readUTF();
        String zone = in.readUTF();
        members.add(new Member(TableCheck.memberId(id), zone.isEmpty() ? null : zone));
      }
      int[][] lists = new int[settings.buckets()][];
      for (int b = 0; b < lists.length; b++) {
        int[] list = new int[in.readUnsignedByte()];
        for (int i = 0; i < list.length; i++) {
          list[i] = in.readUnsignedShort();
        }
        lists[b] = list;
      }
      if (in.available() != 0) {
        throw new InvalidRingException("encoded table has " + in.available() + " trailing bytes");
      }
      return TableCheck.checked(version, settings, members, lists);
    } catch (IOException e) {
      throw new InvalidRingException("encoded table is truncated", e);
    }
  }
}
