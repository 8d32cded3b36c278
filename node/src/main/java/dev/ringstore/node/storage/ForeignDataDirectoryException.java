package dev.ringstore.node.storage;

import dev.ringstore.common.NodeId;
import java.nio.file.Path;

/**
 * A node was started on a data directory that another node created. Refused rather than adopted:
 * taking over another node's data and actor would let two nodes issue the same dots.
 */
public class ForeignDataDirectoryException extends StorageException {
  private final Path dataDir;
  private final NodeId owner;
  private final NodeId requested;

  public ForeignDataDirectoryException(Path dataDir, NodeId owner, NodeId requested) {
    super(
        "data directory "
            + dataDir
            + " belongs to node "
            + owner
            + ", not "
            + requested
            + "; start "
            + requested
            + " with its own data directory (or an empty one to join as a new node)");
    this.dataDir = dataDir;
    this.owner = owner;
    this.requested = requested;
  }

  /** The directory that was opened. */
  public Path dataDir() {
    return dataDir;
  }

  /** The node recorded in the directory. */
  public NodeId owner() {
    return owner;
  }

  /** The node that tried to open it. */
  public NodeId requested() {
    return requested;
  }
}
