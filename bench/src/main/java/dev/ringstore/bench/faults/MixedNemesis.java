package dev.ringstore.bench.faults;

import java.util.List;
import java.util.random.RandomGenerator;

/** Each fault window one of the other nemeses, chosen at random. */
final class MixedNemesis implements Nemesis {
  private final List<Nemesis> choices;
  private final RandomGenerator random;
  private Nemesis current;

  MixedNemesis(List<Nemesis> choices, RandomGenerator random) {
    this.choices = List.copyOf(choices);
    this.random = random;
  }

  @Override
  public String name() {
    return "mixed";
  }

  @Override
  public String inject() throws Exception {
    current = choices.get(random.nextInt(choices.size()));
    return current.name() + ": " + current.inject();
  }

  @Override
  public void heal() throws Exception {
    if (current != null) {
      current.heal();
      current = null;
    }
  }
}
