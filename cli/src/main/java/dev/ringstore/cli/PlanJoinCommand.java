package dev.ringstore.cli;

import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.PlanJoin;
import dev.ringstore.protocol.v1.RingShape;
import dev.ringstore.ring.RingSettings;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code ringstore plan join [NODE...]}: takes nodes that asked to join into the table. The first
 * table of a cluster is shaped by {@code --buckets}, {@code --replicas} and {@code --tokens}.
 */
@Command(
    name = "join",
    mixinStandardHelpOptions = true,
    description = {
      "Plans taking nodes that asked to join into the table.",
      "A node asks to join when it starts with --config. Without NODE, every node that",
      "asked joins. --buckets, --replicas and --tokens shape a cluster's first table only."
    })
final class PlanJoinCommand extends PlanSubcommand {
  @Parameters(arity = "0..*", paramLabel = "NODE", description = "The nodes, e.g. n4 n5.")
  List<String> nodes = List.of();

  @Option(
      names = "--buckets",
      paramLabel = "Q",
      description = "First table only: buckets, a power of two. Default: 1024.")
  Integer buckets;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      description = "First table only: replicas per bucket. Default: 3.")
  Integer replicas;

  @Option(
      names = "--tokens",
      paramLabel = "T",
      description = "First table only: virtual-node tokens per node. Default: 64.")
  Integer tokens;

  @Override
  PlanCommand change(ConfigServiceConnection config) {
    PlanJoin.Builder join = PlanJoin.newBuilder();
    nodes.forEach(id -> join.addNodes(nodeId(id)));
    PlanCommand.Builder plan = PlanCommand.newBuilder().setJoin(join);
    if (buckets == null && replicas == null && tokens == null) {
      return plan.build();
    }
    RingSettings shape = shape();
    long version = config.status().path("tableVersion").asLong();
    if (version > 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--buckets, --replicas and --tokens shape a cluster's first table; this one is at v"
              + version);
    }
    return plan.setShape(
            RingShape.newBuilder()
                .setBuckets(shape.buckets())
                .setReplicas(shape.replicas())
                .setTokens(shape.tokens()))
        .build();
  }

  private RingSettings shape() {
    try {
      return new RingSettings(
          buckets == null ? RingSettings.DEFAULT_BUCKETS : buckets,
          replicas == null ? RingSettings.DEFAULT_REPLICAS : replicas,
          tokens == null ? RingSettings.DEFAULT_TOKENS : tokens);
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
