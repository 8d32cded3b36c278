package dev.ringstore.bench.faults;

import java.util.Set;

/**
 * What the replicas of one key hold once the network is healed: every value (for a set, every
 * element) found on any replica, the most siblings any replica held, and whether all N replicas
 * answered with the same siblings and clock.
 *
 * @param key the key
 * @param values values or set elements on any replica
 * @param siblings the most siblings one replica held
 * @param agreed every replica answered, and all held the same
 */
record KeyState(String key, Set<String> values, int siblings, boolean agreed) {
  KeyState {
    values = Set.copyOf(values);
  }
}
