package dev.ringstore.testhosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether test hosts can run here: Linux, root, iproute2, and a kernel that lets us make a
 * namespace with a bridge and a veth pair in it. The last is tried for real in a throwaway
 * namespace, since containers and sandboxes refuse it in ways no flag reveals.
 */
final class Prerequisites {
  private Prerequisites() {}

  static Optional<String> unavailableReason() {
    String os = System.getProperty("os.name", "");
    if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
      return Optional.of("test hosts need Linux network namespaces; this is " + os);
    }
    Optional<String> binary = SystemIproute.locate();
    if (binary.isEmpty()) {
      return Optional.of("test hosts need iproute2: no `ip` on PATH or in /usr/sbin, /sbin");
    }
    Optional<String> uid = effectiveUid();
    if (uid.isPresent() && !uid.get().equals("0")) {
      return Optional.of(
          "test hosts need root to make network namespaces; effective uid is " + uid.get());
    }
    return probe(new SystemIproute(binary.get()));
  }

  private static Optional<String> probe(Iproute ip) {
    String ns = "rsprobe" + ProcessHandle.current().pid();
    try {
      ip.run("netns", "add", ns);
    } catch (CommandFailedException e) {
      return Optional.of("test hosts unavailable: " + e.getMessage());
    }
    Optional<String> reason;
    try {
      ip.run("-n", ns, "link", "add", "br0", "type", "bridge");
      ip.run("-n", ns, "link", "add", "v0", "type", "veth", "peer", "name", "v1");
      reason = Optional.empty();
    } catch (CommandFailedException e) {
      reason = Optional.of("test hosts unavailable: " + e.getMessage());
    }
    try {
      ip.run("netns", "del", ns);
      return reason;
    } catch (CommandFailedException e) {
      return reason.or(() -> Optional.of("test hosts unavailable: " + e.getMessage()));
    }
  }

  /** The effective uid from /proc/self/status, when it can be read. */
  private static Optional<String> effectiveUid() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(line -> line.startsWith("Uid:"))
          .map(line -> line.split("\\s+"))
          .filter(fields -> fields.length > 2)
          .map(fields -> fields[2])
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
