package dev.ringstore.bench.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers as a reader of the summary wants them: rates with thousands separators, latencies and CPU
 * times to three significant digits (whole numbers from 100 up), a dash for what was not measured.
 */
final class HumanNumbers {
  private static final MathContext THREE_DIGITS = new MathContext(3);

  private HumanNumbers() {}

  /** "48,213" from 100 up; "7.52" below. */
  static String rate(double perSecond) {
    return perSecond >= 100 ? whole(perSecond) : threeDigits(perSecond);
  }

  /** "1,235", "123", "12.3", "1.20", "0.412": trailing zeros kept, so a column reads evenly. */
  static String millis(double millis) {
    return millis >= 100 ? whole(millis) : threeDigits(millis);
  }

  /** "1,234". */
  static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  /** "3.00×". */
  static String ratio(double ratio) {
    return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f×", ratio) : "-";
  }

  private static String whole(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.0f", value) : "-";
  }

  private static String threeDigits(double value) {
    if (!Double.isFinite(value)) {
      return "-";
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(THREE_DIGITS);
    int padded = rounded.scale() + THREE_DIGITS.getPrecision() - rounded.precision();
    return rounded.setScale(Math.max(padded, rounded.scale())).toPlainString();
  }
}
