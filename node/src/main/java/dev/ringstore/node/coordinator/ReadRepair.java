package dev.ringstore.node.coordinator;

import dev.ringstore.common.versioning.DottedVersionVectorSet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the merged state of a key to a replica that answered a read with an older or missing copy.
 * Best effort: a repair that fails is left to hinted handoff and anti-entropy, and counted.
 */
public final class ReadRepair {
  private static final Logger log = LoggerFactory.getLogger(ReadRepair.class);

  private final Replicas replicas;
  private final Counter repaired;
  private final Counter failed;

  public ReadRepair(Replicas replicas, MeterRegistry registry) {
    this.replicas = replicas;
    this.repaired = registry.counter("ringstore.read.repairs", "outcome", "repaired");
    this.failed = registry.counter("ringstore.read.repairs", "outcome", "failed");
  }

  void repair(
      Target target, int bucket, byte[] key, DottedVersionVectorSet merged, Duration timeout) {
    replicas
        .write(target, bucket, key, merged, timeout)
        .whenComplete(
            (ok, failure) -> {
              if (failure == null) {
                repaired.increment();
              } else {
                failed.increment();
                log.debug("read repair of {} failed: {}", target, failure.toString());
              }
            });
  }
}
