package dev.ringstore.cli;

import dev.ringstore.client.WriteOptions;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A write's or delete's per-request knobs on the command line: {@code --n --w --pw --sloppy}. */
final class WriteFlags {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--n",
      paramLabel = "N",
      description = "Replicas the write involves. Default: the replication factor.")
  Integer n;

  @Option(
      names = "--w",
      paramLabel = "W",
      description = "Acknowledgements needed. Default: a majority of n.")
  Integer w;

  @Option(
      names = "--pw",
      paramLabel = "PW",
      description = "Primary replicas that must acknowledge. Default: none.")
  Integer pw;

  @Option(
      names = "--sloppy",
      arity = "1",
      paramLabel = "true|false",
      description =
          "Whether fallback nodes may hold the write for unreachable primaries (hinted handoff)."
              + " Default: true.")
  Boolean sloppy;

  /** The options these flags and {@code timeout} (zero: the node's) ask for. */
  WriteOptions toOptions(Duration timeout) {
    int nValue = RequestFlags.count(spec, "--n", n);
    int wValue = RequestFlags.count(spec, "--w", w);
    int pwValue = RequestFlags.count(spec, "--pw", pw);
    RequestFlags.notAbove(spec, "--w", wValue, "--n", nValue);
    RequestFlags.notAbove(spec, "--pw", pwValue, "--n", nValue);
    RequestFlags.notAbove(spec, "--pw", pwValue, "--w", wValue);
    return new WriteOptions(nValue, wValue, pwValue, sloppy, timeout, false);
  }
}
