package dev.ringstore.gossip.failure;

/**
 * One endpoint's recent heartbeat inter-arrival times, in milliseconds: a ring buffer that grows on
 * demand up to its capacity (so a thousand-node simulation does not hold a million full windows)
 * with running sums, so that the mean and variance cost O(1).
 */
final class ArrivalWindow {
  private static final double LN_10 = Math.log(10);
  private static final double LOG10_2 = Math.log10(2);

  private final int capacity;
  private int[] intervals = new int[8];
  private int oldest;
  private int count;
  private long sum;
  private long sumOfSquares;
  private long lastArrival;

  /** A window whose history is two intervals around {@code estimateMillis}, as Akka seeds it. */
  ArrivalWindow(int capacity, long firstArrival, long estimateMillis) {
    this.capacity = capacity;
    this.lastArrival = firstArrival;
    long spread = estimateMillis / 4;
    add(estimateMillis - spread);
    add(estimateMillis + spread);
  }

  void arrived(long now, long maxSampleMillis) {
    long interval = now - lastArrival;
    if (interval < 0) {
      return; // a clock that went back: keep the later arrival, learn nothing
    }
    lastArrival = now;
    if (interval <= maxSampleMillis) {
      add(interval);
    }
  }

  /**
   * -log10 of the probability that a heartbeat arrives even later than now, given a normal
   * distribution of inter-arrival times with the window's mean plus {@code pauseMillis} and its
   * standard deviation (at least {@code minStdMillis}). The normal CDF is the logistic
   * approximation of Bowling et al. (2009), as Akka uses; phi is computed in log space so that it
   * stays finite however long the silence.
   */
  double phi(long now, long pauseMillis, double minStdMillis) {
    double mean = (double) sum / count;
    double variance = Math.max(0, (double) sumOfSquares / count - mean * mean);
    double std = Math.max(Math.sqrt(variance), minStdMillis);
    double y = (now - lastArrival - mean - pauseMillis) / std;
    double a = y * (1.5976 + 0.070566 * y * y);
    // P(later) = e^-a / (1 + e^-a), so phi = ln(1 + e^a) / ln 10, computed without overflow.
    double softplus = a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a));
    return softplus / LN_10;
  }

  /**
   * Whether phi is under {@code threshold}, without computing it while the silence is shorter than
   * the mean plus the pause (phi is then at most log10 2, about 0.3): the common case, made cheap
   * for a node that judges a thousand members every round.
   */
  boolean isBelow(double threshold, long now, long pauseMillis, double minStdMillis) {
    if (threshold > LOG10_2 && now - lastArrival <= meanMillis() + pauseMillis) {
      return true;
    }
    return phi(now, pauseMillis, minStdMillis) < threshold;
  }

  double meanMillis() {
    return (double) sum / count;
  }

  int size() {
    return count;
  }

  private void add(long interval) {
    if (count == capacity) {
      int evicted = intervals[oldest];
      sum -= evicted;
      sumOfSquares -= (long) evicted * evicted;
      oldest = (oldest + 1) % intervals.length;
      count--;
    } else if (count == intervals.length) {
      grow();
    }
    int value = (int) interval;
    intervals[(oldest + count) % intervals.length] = value;
    count++;
    sum += value;
    sumOfSquares += (long) value * value;
  }

  private void grow() {
    int[] larger = new int[Math.min(capacity, intervals.length * 2)];
    for (int i = 0; i < count; i++) {
      larger[i] = intervals[(oldest + i) % intervals.length];
    }
    intervals = larger;
    oldest = 0;
  }
}
