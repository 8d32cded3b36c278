package dev.ringstore.testhosts;

/**
 * What a degraded link does to the packets a host sends to the test network: the percentage it
 * drops and the percentage it sends twice, each chosen at random per packet.
 *
 * <p>Delay and reordering are not here: they need {@code tc netem} (the kernel's {@code
 * sch_netem}), which kernels built without it (like the CI machine's) do not have; loss and
 * duplication are nftables rules ({@code numgen random}, {@code dup}), which such kernels do have.
 *
 * @param lossPercent packets dropped, 0-100
 * @param duplicatePercent packets sent twice, 0-100
 */
public record LinkFaults(int lossPercent, int duplicatePercent) {
  public LinkFaults {
    if (lossPercent < 0 || lossPercent > 100 || duplicatePercent < 0 || duplicatePercent > 100) {
      throw new IllegalArgumentException(
          "loss and duplication are percentages 0-100, got "
              + lossPercent
              + " and "
              + duplicatePercent);
    }
  }
}
