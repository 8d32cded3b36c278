package dev.ringstore.node.storage;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Whose data directory this is and which actor writes through it: the node id plus the directory's
 * incarnation, kept in the {@code meta} column family.
 *
 * <p>Design note (Riak kv679; see {@code docs/versioning.md}). An actor must never issue a dot
 * twice. A node that lost acknowledged writes would, with its old actor, hand out counters its
 * peers have already seen, and they would drop its new writes as superseded. So the incarnation is
 * new whenever writes may have been lost:
 *
 * <ul>
 *   <li>a new (or wiped) data directory gets a random incarnation;
 *   <li>the engine clears a "clean shutdown" marker when it opens and sets it when it closes. If
 *       the marker is missing on open and the previous session ran {@link Durability#ASYNC}, writes
 *       it acknowledged may not have reached the disk: the node takes a new incarnation;
 *   <li>after an unclean shutdown of an {@link Durability#FSYNC} session every acknowledged write
 *       is on disk, so the incarnation stays.
 * </ul>
 *
 * A directory created by another node is refused with {@link ForeignDataDirectoryException}.
 *
 * @param actor the actor the coordinator writes with
 * @param origin how this session came by it
 */
public record NodeIdentity(ActorId actor, Origin origin) {
  /** How a session came by its incarnation. */
  public enum Origin {
    /** The data directory was new: a fresh incarnation. */
    NEW_DATA_DIR,
    /** The previous session's incarnation, which lost no acknowledged write. */
    RESUMED,
    /** A fresh incarnation, because the previous ASYNC session ended without a clean shutdown. */
    NEW_AFTER_UNCLEAN_SHUTDOWN
  }

  /** Meta names under this prefix belong to the engine. */
  static final String RESERVED_PREFIX = "storage.";

  static final String NODE_ID = "storage.node-id";
  static final String INCARNATION = "storage.incarnation";
  static final String SESSION_DURABILITY = "storage.durability";
  static final String CLEAN_SHUTDOWN = "storage.clean-shutdown";

  public NodeIdentity {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(origin, "origin");
  }

  public NodeId node() {
    return actor.node();
  }

  public long incarnation() {
    return actor.incarnation();
  }

  /**
   * The identity for a session of {@code node} opening a data directory whose meta values {@code
   * meta} reads. Writes nothing; the caller stores {@link #sessionRecord} and clears {@link
   * #CLEAN_SHUTDOWN} in one synced batch before serving.
   */
  static NodeIdentity resolve(
      Function<String, Optional<byte[]>> meta, Path dataDir, NodeId node, RandomGenerator random) {
    Optional<byte[]> storedNode = meta.apply(NODE_ID);
    if (storedNode.isEmpty()) {
      return new NodeIdentity(ActorId.newIncarnation(node, random), Origin.NEW_DATA_DIR);
    }
    NodeId owner = NodeId.of(new String(storedNode.get(), StandardCharsets.UTF_8));
    if (!owner.equals(node)) {
      throw new ForeignDataDirectoryException(dataDir, owner, node);
    }
    byte[] incarnation =
        meta.apply(INCARNATION)
            .filter(bytes -> bytes.length == Long.BYTES)
            .orElseThrow(
                () -> new StorageException("data directory " + dataDir + " has no incarnation"));
    long previous = ByteBuffer.wrap(incarnation).getLong();
    boolean clean = meta.apply(CLEAN_SHUTDOWN).isPresent();
    boolean previousWasFsync =
        meta.apply(SESSION_DURABILITY)
            .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
            .filter(Durability.FSYNC.name()::equals)
            .isPresent();
    if (clean || previousWasFsync) {
      return new NodeIdentity(new ActorId(node, previous), Origin.RESUMED);
    }
    ActorId fresh;
    do {
      fresh = ActorId.newIncarnation(node, random);
    } while (fresh.incarnation() == previous);
    return new NodeIdentity(fresh, Origin.NEW_AFTER_UNCLEAN_SHUTDOWN);
  }

  /** The meta values recording this identity for a session running with {@code durability}. */
  Map<String, byte[]> sessionRecord(Durability durability) {
    return Map.of(
        NODE_ID, node().value().getBytes(StandardCharsets.UTF_8),
        INCARNATION, ByteBuffer.allocate(Long.BYTES).putLong(incarnation()).array(),
        SESSION_DURABILITY, durability.name().getBytes(StandardCharsets.UTF_8));
  }

  /** Rejects meta names that are empty or belong to the engine. */
  static void checkUserMetaName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.startsWith(RESERVED_PREFIX)) {
      throw new IllegalArgumentException(
          "meta name must be non-empty and not start with '" + RESERVED_PREFIX + "': " + name);
    }
  }
}
