package dev.ringstore.bench.compare;

/**
 * What a reader of a comparison needs to know besides its numbers: when and where it ran, which
 * versions it measured, and how it was invoked. Written at the top of {@code summary.md} and into
 * {@code results.json}.
 *
 * @param startedAt when the comparison started, ISO-8601 UTC ({@code Instant.toString()}); text so
 *     the JSON needs no date-time module
 * @param machine one line: cores, memory, kernel ("16 cores, 62.5 GiB, Linux 6.8.0-45-generic")
 * @param javaVersion the JVM that ran Ringstore and the load generator
 * @param etcdVersion the etcd binary measured
 * @param ringstoreCommit the git commit of the Ringstore build measured
 * @param commandLine how the comparison was invoked, to rerun it
 * @param quick a quick run (short windows, fewer thread counts, no sweep) rather than a full one
 */
public record RunContext(
    String startedAt,
    String machine,
    String javaVersion,
    String etcdVersion,
    String ringstoreCommit,
    String commandLine,
    boolean quick) {

  /** "quick" or "full". */
  public String mode() {
    return quick ? "quick" : "full";
  }
}
