package dev.ringstore.node.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How buckets move when the config service changes ownership (docs/transfer.md).
 *
 * @param bytesPerSecond the most bytes a node receives per second across its incoming transfers,
 *     default {@value #BYTES_PER_SECOND_DEFAULT}
 * @param pageBytes about how many bytes each page of a transfer carries, default {@value
 *     #PAGE_BYTES_DEFAULT}
 * @param grace how long an old owner keeps a bucket it no longer owns before deleting it, default
 *     {@link #GRACE_DEFAULT}: clients and nodes still routing by the previous table keep finding
 *     the data meanwhile
 * @param configInterval how often a node reports to the config service and asks for a newer table,
 *     default {@link #CONFIG_INTERVAL_DEFAULT}
 */
public record TransferSettings(
    int bytesPerSecond, int pageBytes, Duration grace, Duration configInterval) {
  public static final int BYTES_PER_SECOND_DEFAULT = 16 << 20;
  public static final int PAGE_BYTES_DEFAULT = 256 << 10;
  public static final Duration GRACE_DEFAULT = Duration.ofSeconds(30);
  public static final Duration CONFIG_INTERVAL_DEFAULT = Duration.ofSeconds(1);

  public static final TransferSettings DEFAULTS =
      new TransferSettings(
          BYTES_PER_SECOND_DEFAULT, PAGE_BYTES_DEFAULT, GRACE_DEFAULT, CONFIG_INTERVAL_DEFAULT);

  public TransferSettings {
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(configInterval, "configInterval");
    if (bytesPerSecond < 1 || pageBytes < 1) {
      throw new IllegalArgumentException("the transfer rate and page size must be at least 1 byte");
    }
    if (grace.isNegative() || configInterval.isNegative() || configInterval.isZero()) {
      throw new IllegalArgumentException(
          "the transfer grace must not be negative and the config interval must be positive");
    }
  }

  public TransferSettings withBytesPerSecond(int value) {
    return new TransferSettings(value, pageBytes, grace, configInterval);
  }

  public TransferSettings withPageBytes(int value) {
    return new TransferSettings(bytesPerSecond, value, grace, configInterval);
  }

  public TransferSettings withGrace(Duration value) {
    return new TransferSettings(bytesPerSecond, pageBytes, value, configInterval);
  }

  public TransferSettings withConfigInterval(Duration value) {
    return new TransferSettings(bytesPerSecond, pageBytes, grace, value);
  }
}
