package dev.ringstore.cli;

import dev.ringstore.client.ReadOptions;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A read's per-request knobs on the command line: {@code --n --r --pr --sloppy}. */
final class ReadFlags {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--n",
      paramLabel = "N",
      description = "Replicas the read involves. Default: the replication factor.")
  Integer n;

  @Option(
      names = "--r",
      paramLabel = "R",
      description = "Replies needed. Default: a majority of n.")
  Integer r;

  @Option(
      names = "--pr",
      paramLabel = "PR",
      description = "Primary replicas that must reply. Default: none.")
  Integer pr;

  @Option(
      names = "--sloppy",
      arity = "1",
      paramLabel = "true|false",
      description = "Whether fallback nodes may answer for unreachable primaries. Default: true.")
  Boolean sloppy;

  /** The options these flags and {@code timeout} (zero: the node's) ask for. */
  ReadOptions toOptions(Duration timeout) {
    int nValue = RequestFlags.count(spec, "--n", n);
    int rValue = RequestFlags.count(spec, "--r", r);
    int prValue = RequestFlags.count(spec, "--pr", pr);
    RequestFlags.notAbove(spec, "--r", rValue, "--n", nValue);
    RequestFlags.notAbove(spec, "--pr", prValue, "--n", nValue);
    RequestFlags.notAbove(spec, "--pr", prValue, "--r", rValue);
    return new ReadOptions(nValue, rValue, prValue, sloppy, timeout);
  }
}
