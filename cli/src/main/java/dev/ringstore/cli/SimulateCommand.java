package dev.ringstore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.common.NodeId;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.BucketTableJson;
import dev.ringstore.ring.Member;
import dev.ringstore.ring.MembershipChange;
import dev.ringstore.ring.RingSettings;
import dev.ringstore.ring.TablePlan;
import dev.ringstore.ring.TablePlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ringstore ring simulate}: the table a cluster of nodes n1..nS (zones z1..zZ round-robin)
 * would get, and with {@code --add} or {@code --remove} the plan of that change. Touches no
 * cluster; the same arguments print the same table on every machine.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the bucket table a cluster of the given shape would get, and with --add or --remove",
      "the table after that change and the bucket-replicas it moves. Nodes are n1..nS; zones",
      "z1..zZ are dealt to them in turn; an added node joins the zone with the fewest nodes."
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--nodes",
      required = true,
      paramLabel = "S",
      description = "Nodes in the cluster, n1..nS.")
  int nodes;

  @Option(
      names = "--zones",
      defaultValue = "0",
      paramLabel = "Z",
      description = "Zones z1..zZ (0: none). Default: 0.")
  int zones;

  @Option(
      names = "--buckets",
      paramLabel = "Q",
      defaultValue = "" + RingSettings.DEFAULT_BUCKETS,
      description = "Buckets Q, a power of two. Default: ${DEFAULT-VALUE}.")
  int buckets;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      defaultValue = "" + RingSettings.DEFAULT_REPLICAS,
      description = "Replicas per bucket N. Default: ${DEFAULT-VALUE}.")
  int replicas;

  @Option(
      names = "--tokens",
      paramLabel = "T",
      defaultValue = "" + RingSettings.DEFAULT_TOKENS,
      description = "Virtual-node tokens per node T. Default: ${DEFAULT-VALUE}.")
  int tokens;

  @ArgGroup(exclusive = true)
  Change change;

  @Option(names = "--json", description = "Print JSON (shape in docs/ring.md).")
  boolean json;

  static final class Change {
    @Option(names = "--add", description = "Plan the join of K new nodes.", paramLabel = "K")
    Integer add;

    @Option(names = "--remove", description = "Plan the removal of a node.", paramLabel = "ID")
    String remove;
  }

  @Override
  public Integer call() throws Exception {
    validate();
    RingSettings settings = new RingSettings(buckets, replicas, tokens);
    BucketTable table = BucketTable.initial(members(), settings);
    var out = spec.commandLine().getOut();
    var jsonForm = new BucketTableJson(new ObjectMapper());
    if (change == null) {
      out.println(json ? jsonForm.toJson(table, false) : PlacementReport.ofTable(table));
      return 0;
    }
    MembershipChange requested =
        change.add != null
            ? new MembershipChange.Add(joiners(table, change.add))
            : new MembershipChange.Remove(NodeId.of(change.remove));
    TablePlan plan = TablePlanner.plan(table, requested);
    out.println(json ? jsonForm.toJson(plan, false) : PlacementReport.ofPlan(plan));
    return 0;
  }

  private void validate() {
    if (nodes < 1) {
      throw new ParameterException(spec.commandLine(), "--nodes must be at least 1");
    }
    if (zones < 0) {
      throw new ParameterException(spec.commandLine(), "--zones must not be negative");
    }
    if (zones > nodes) {
      throw new ParameterException(
          spec.commandLine(),
          "--zones ("
              + zones
              + ") must not exceed --nodes ("
              + nodes
              + "): every zone needs a node");
    }
    if (change != null && change.add != null && change.add < 1) {
      throw new ParameterException(spec.commandLine(), "--add must be at least 1");
    }
  }

  private List<Member> members() {
    List<Member> members = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      members.add(
          zones == 0 ? Member.of("n" + i) : Member.of("n" + i, "z" + ((i - 1) % zones + 1)));
    }
    return members;
  }

  /** New nodes n(S+1)..n(S+K), each joining the zone that then has the fewest nodes. */
  private List<Member> joiners(BucketTable table, int count) {
    Map<String, Integer> zoneSizes = new TreeMap<>();
    table.members().forEach(m -> m.zoneName().ifPresent(z -> zoneSizes.merge(z, 1, Integer::sum)));
    List<Member> joiners = new ArrayList<>();
    for (int i = nodes + 1; i <= nodes + count; i++) {
      if (zoneSizes.isEmpty()) {
        joiners.add(Member.of("n" + i));
        continue;
      }
      String zone =
          zoneSizes.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
      zoneSizes.merge(zone, 1, Integer::sum);
      joiners.add(Member.of("n" + i, zone));
    }
    return joiners;
  }
}
