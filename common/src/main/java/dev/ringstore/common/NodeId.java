package dev.ringstore.common;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a physical node, such as {@code n1}. Chosen by the operator, stable across restarts
 * and disk replacements (a replaced disk changes the node's incarnation, not its id).
 *
 * <p>Ids are 1 to 64 characters of letters, digits, {@code .}, {@code _} and {@code -}, so that
 * they read the same in logs, JSON, file names and the command line. They order naturally, as an
 * operator reads them: runs of digits by their value, so {@code n2} comes before {@code n10}; ids
 * that differ only in leading zeros order by their text.
 */
public final class NodeId implements Comparable<NodeId> {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final String value;

  private NodeId(String value) {
    this.value = value;
  }

  /**
   * Returns the id with the given text.
   *
   * @throws IllegalArgumentException when the text is not a valid node id
   */
  public static NodeId of(String value) {
    Objects.requireNonNull(value, "node id");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "invalid node id '" + value + "': use 1-64 letters, digits, '.', '_' or '-'");
    }
    return new NodeId(value);
  }

  /** The id's text. */
  public String value() {
    return value;
  }

  @Override
  public int compareTo(NodeId other) {
    if (this == other) {
      return 0;
    }
    String a = value;
    String b = other.value;
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      if (isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        int byValue = compareDigits(a, i, endA, b, j, endB);
        if (byValue != 0) {
          return byValue;
        }
        i = endA;
        j = endB;
      } else {
        if (a.charAt(i) != b.charAt(j)) {
          return Character.compare(a.charAt(i), b.charAt(j));
        }
        i++;
        j++;
      }
    }
    int byLength = Integer.compare(a.length() - i, b.length() - j);
    return byLength != 0 ? byLength : a.compareTo(b);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digitsEnd(String s, int from) {
    int end = from;
    while (end < s.length() && isDigit(s.charAt(end))) {
      end++;
    }
    return end;
  }

  /**
   * Compares the digit runs {@code a[i, endA)} and {@code b[j, endB)} by value: leading zeros
   * skipped (all but a run's last digit), then the longer run is larger, then digit by digit. No
   * allocation: ids are compared on every causal-context operation.
   */
  private static int compareDigits(String a, int i, int endA, String b, int j, int endB) {
    while (i < endA - 1 && a.charAt(i) == '0') {
      i++;
    }
    while (j < endB - 1 && b.charAt(j) == '0') {
      j++;
    }
    int byLength = Integer.compare(endA - i, endB - j);
    if (byLength != 0) {
      return byLength;
    }
    for (; i < endA; i++, j++) {
      if (a.charAt(i) != b.charAt(j)) {
        return Character.compare(a.charAt(i), b.charAt(j));
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
