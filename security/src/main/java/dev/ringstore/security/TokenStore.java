package dev.ringstore.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The tokens a listener accepts from clients without a certificate. The file holds one line per
 * token, {@code ID ROLE SHA256-HEX}: only the token's hash is kept, so the file alone lets no one
 * in. {@code ringstore certs token} appends a line and prints the token once.
 *
 * <p>A token is compared by its hash against every entry with {@link MessageDigest#isEqual}, so the
 * time a check takes says nothing about which bytes matched.
 */
public final class TokenStore {
  private record Entry(String id, Role role, byte[] hash) {}

  private final List<Entry> entries;

  private TokenStore(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Reads {@code file}; a malformed line fails with its line number. */
  public static TokenStore load(Path file) {
    List<Entry> entries = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SecurityConfigException(
          "cannot read token file " + file + ": " + e.getMessage(), e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\\s+");
      try {
        if (fields.length != 3) {
          throw new IllegalArgumentException("expected: ID ROLE SHA256-HEX");
        }
        entries.add(
            new Entry(fields[0], Role.parse(fields[1]), HexFormat.of().parseHex(fields[2])));
      } catch (IllegalArgumentException e) {
        throw new SecurityConfigException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new TokenStore(entries);
  }

  /**
   * Makes a new token for {@code id} in {@code role}, appends its hash to {@code file} (created
   * 0600), and returns the token, which is shown once and stored nowhere.
   */
  public static String issue(Path file, String id, Role role, SecureRandom random)
      throws IOException {
    if (!id.matches("[A-Za-z0-9._@-]+")) {
      throw new IllegalArgumentException("an id is letters, digits and . _ @ - only: '" + id + "'");
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = "rst_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String line = id + " " + role.label() + " " + HexFormat.of().formatHex(hash(token)) + "\n";
    if (!Files.exists(file)
        && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(
        file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return token;
  }

  /** The identity {@code token} stands for, or empty when it is not in the file. */
  public Optional<Identity> verify(String token) {
    byte[] hash = hash(token);
    Entry found = null;
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(entry.hash(), hash)) {
        found = entry;
      }
    }
    return found == null
        ? Optional.empty()
        : Optional.of(new Identity(found.id(), found.role(), Identity.Source.TOKEN));
  }

  public int size() {
    return entries.size();
  }

  private static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
