package dev.ringstore.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an identity may do. A certificate carries its role in its subject's OU; a token carries it
 * in the token file. The client roles nest: a writer may read, an admin may write. {@link #NODE}
 * and {@link #CONFIG} are the cluster's own members and are never given to a person or program
 * outside it.
 */
public enum Role {
  /** Gets and head reads. */
  READER,
  /** Gets, puts and deletes. */
  WRITER,
  /** A writer that may also inspect replicas, read status, and plan, commit and cancel changes. */
  ADMIN,
  /** A storage node: replica operations, hints, gossip, anti-entropy, transfers, heartbeats. */
  NODE,
  /** A config replica: Raft with its peers. */
  CONFIG;

  /** The name used in certificates, token files and messages: {@code reader}, {@code node}... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role a user names: any label, or {@code client} for {@link #WRITER} (what {@code ringstore
   * certs issue --role client} gives an application).
   */
  public static Role parse(String text) {
    String label = text.trim().toLowerCase(Locale.ROOT);
    if (label.equals("client")) {
      return WRITER;
    }
    for (Role role : values()) {
      if (role.label().equals(label)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '"
            + text
            + "': expected client, "
            + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return label();
  }
}
