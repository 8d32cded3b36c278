package dev.ringstore.node.server;

import dev.ringstore.console.AdminToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.random.RandomGenerator;

/**
 * The admin token a node's console checks (docs/console.md, "Safety"): the one given ({@code
 * --admin-token} or {@code RINGSTORE_ADMIN_TOKEN}), else the one in the data directory's {@value
 * #FILE}, generated on first start and readable by its owner only. It is never logged. {@code
 * ringstore local} keeps one for its whole cluster the same way.
 */
public final class AdminTokenFile {
  public static final String FILE = "admin-token";

  private AdminTokenFile() {}

  public static String resolve(Path dataDir, String given, RandomGenerator random) {
    if (given != null) {
      return given;
    }
    Path file = dataDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      String token = AdminToken.generate(random);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
      return token;
    } catch (FileAlreadyExistsException e) {
      return resolve(dataDir, null, random);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }
}
