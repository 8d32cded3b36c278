package dev.ringstore.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of one config-service replica, such as {@code c1}: 1 to 32 lowercase letters, digits or
 * {@code -}. Chosen by the operator and stable across restarts; it names the replica in the Raft
 * group, in logs and on the command line ({@code --id c1 --peers c1=host:port,...}).
 *
 * @param value the id's text
 */
public record ReplicaId(String value) implements Comparable<ReplicaId> {
  private static final Pattern VALID = Pattern.compile("[a-z0-9-]{1,32}");

  /**
   * Checks the id's text.
   *
   * @throws IllegalArgumentException when it is not 1-32 of {@code [a-z0-9-]}
   */
  public ReplicaId {
    Objects.requireNonNull(value, "replica id");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "invalid replica id '" + value + "': use 1-32 lowercase letters, digits or '-'");
    }
  }

  /** Returns the id with the given text. */
  public static ReplicaId of(String value) {
    return new ReplicaId(value);
  }

  @Override
  public int compareTo(ReplicaId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
