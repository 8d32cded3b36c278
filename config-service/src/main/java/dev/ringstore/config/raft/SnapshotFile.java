package dev.ringstore.config.raft;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.MD5FileUtil;

/**
 * A snapshot of the replicated state in one file, named by Ratis's convention ({@code
 * snapshot.<term>_<index>}) in the state-machine directory, with an MD5 file beside it.
 *
 * <p>Written atomically: the bytes go to a temporary file that is synced and then renamed over the
 * final name, and the directory is synced, so a crash leaves either the whole snapshot or none.
 */
final class SnapshotFile {
  private static final String TMP_SUFFIX = ".tmp";

  private SnapshotFile() {}

  /** Writes the state as of {@code at}, returning the snapshot for Ratis's storage to record. */
  static SingleFileSnapshotInfo write(SimpleStateMachineStorage storage, TermIndex at, byte[] state)
      throws IOException {
    Path target = storage.getSnapshotFile(at.getTerm(), at.getIndex()).toPath();
    Path tmp = target.resolveSibling(target.getFileName() + TMP_SUFFIX);
    try (FileChannel out =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(state);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(target.getParent());
    MD5Hash md5 = MD5FileUtil.computeAndSaveMd5ForFile(target.toFile());
    return new SingleFileSnapshotInfo(new FileInfo(target, md5), at);
  }

  /**
   * Reads a snapshot's bytes, checking them against its MD5 file when there is one.
   *
   * @throws IOException when the file cannot be read or does not match its checksum
   */
  static byte[] read(SingleFileSnapshotInfo snapshot) throws IOException {
    File file = snapshot.getFile().getPath().toFile();
    MD5Hash md5 = snapshot.getFile().getFileDigest();
    if (md5 != null) {
      MD5FileUtil.verifySavedMD5(file, md5);
    }
    return Files.readAllBytes(file.toPath());
  }

  /** Deletes temporary files that a crash in the middle of {@link #write} left behind. */
  static void deleteLeftovers(Path stateMachineDir) throws IOException {
    if (!Files.isDirectory(stateMachineDir)) {
      return;
    }
    try (DirectoryStream<Path> leftovers =
        Files.newDirectoryStream(stateMachineDir, "snapshot.*" + TMP_SUFFIX)) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
      }
    }
  }

  private static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
