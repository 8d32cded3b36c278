package dev.ringstore.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses byte counts such as {@code 1048576}, {@code 512KiB}, {@code 256MiB} or {@code 1GiB}. */
final class ByteSizeOption implements ITypeConverter<Long> {
  private static final Pattern FORM = Pattern.compile("(\\d{1,12})(|B|KiB|MiB|GiB|TiB)");

  @Override
  public Long convert(String value) {
    Matcher m = FORM.matcher(value.trim());
    if (!m.matches()) {
      throw new TypeConversionException(
          "expected a size like 1048576, 512KiB, 256MiB or 1GiB, not '" + value + "'");
    }
    long amount = Long.parseLong(m.group(1));
    int shift =
        switch (m.group(2)) {
          case "KiB" -> 10;
          case "MiB" -> 20;
          case "GiB" -> 30;
          case "TiB" -> 40;
          default -> 0;
        };
    return amount << shift;
  }
}
