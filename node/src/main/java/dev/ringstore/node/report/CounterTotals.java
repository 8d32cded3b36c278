package dev.ringstore.node.report;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counters behind the report's rates, read by name from the registry at one moment: a rate is
 * the difference of two readings over the time between them. Read by name rather than held, so the
 * report needs no hook in hinted handoff, read repair or anti-entropy, and counters made on first
 * use (an error code's) are found once they exist.
 */
record CounterTotals(
    Map<String, Double> errors, double hintsStored, double hintsReplayed, double repairs) {

  static CounterTotals read(MeterRegistry registry) {
    Map<String, Double> errors = new TreeMap<>();
    for (Counter counter : registry.find("ringstore.errors").counters()) {
      errors.merge(counter.getId().getTag("code"), counter.count(), Double::sum);
    }
    double readRepairs = sum(registry, "ringstore.read.repairs", "repaired");
    double exchangeRepairs = sum(registry, "ringstore.antientropy.keys.repaired", null);
    return new CounterTotals(
        errors,
        sum(registry, "ringstore.hints.stored", null),
        sum(registry, "ringstore.hints.replayed", null),
        readRepairs + exchangeRepairs);
  }

  private static double sum(MeterRegistry registry, String name, String outcome) {
    var search = registry.find(name);
    if (outcome != null) {
      search = search.tag("outcome", outcome);
    }
    return search.counters().stream().mapToDouble(Counter::count).sum();
  }
}
