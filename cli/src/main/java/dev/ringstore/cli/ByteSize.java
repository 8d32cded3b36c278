package dev.ringstore.cli;

import java.util.Locale;

/** Byte counts for people: {@code 512 B}, {@code 1.5 KiB}, {@code 12.0 MiB}. */
final class ByteSize {
  private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

  private ByteSize() {}

  static String format(double bytes) {
    if (bytes < 1024) {
      return String.format(Locale.ROOT, "%d B", Math.round(bytes));
    }
    double value = bytes / 1024;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
