package dev.ringstore.ring;

import dev.ringstore.common.NodeId;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routing table of a cluster: for each of the Q buckets, its preference list of min(N, S)
 * distinct nodes, spread over min(N, zones) distinct zones. Immutable and versioned: the config
 * service commits each new table under the next version, and every request carries the version it
 * was routed with.
 *
 * <p>Build the first table with {@link #initial}, later ones with {@link TablePlanner}. Compact
 * binary and JSON forms are in {@link BucketTableBinary} and {@link BucketTableJson}.
 */
public final class BucketTable {
  private final long version;
  private final RingSettings settings;
  private final List<Member> members;
  private final int[][] lists;

  BucketTable(long version, RingSettings settings, List<Member> members, int[][] lists) {
    if (version < 1) {
      throw new InvalidRingException("table version must be at least 1, not " + version);
    }
    this.version = version;
    this.settings = settings;
    this.members = List.copyOf(members);
    this.lists = lists;
  }

  /**
   * The table of a new cluster: raw token placement evened out by a balancing pass, then each list
   * ordered so that primaries are even too. The same members and settings give the same table on
   * every machine.
   */
  public static BucketTable initial(Collection<Member> members, RingSettings settings) {
    List<Member> sorted = MemberList.validated(members);
    boolean[] eligible = new boolean[sorted.size()];
    Arrays.fill(eligible, true);
    Assignment assignment =
        new Assignment(settings, sorted, eligible, RawPlacement.place(settings, sorted));
    Balancer.balance(assignment);
    Balancer.balancePrimaries(assignment);
    return assignment.toTable(1);
  }

  public long version() {
    return version;
  }

  public RingSettings settings() {
    return settings;
  }

  /** The members, sorted by id. */
  public List<Member> members() {
    return members;
  }

  public Optional<Member> member(NodeId id) {
    return members.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  public int bucketCount() {
    return lists.length;
  }

  public int bucketOf(byte[] key) {
    return settings.bucketOf(key);
  }

  public PreferenceList preferenceList(int bucket) {
    int[] list = lists[bucket];
    NodeId[] nodes = new NodeId[list.length];
    for (int i = 0; i < list.length; i++) {
      nodes[i] = members.get(list[i]).id();
    }
    return new PreferenceList(bucket, List.of(nodes));
  }

  public PreferenceList preferenceListForKey(byte[] key) {
    return preferenceList(bucketOf(key));
  }

  /** Bucket-replicas held by each member, in member order. */
  public Map<NodeId, Integer> replicaCounts() {
    int[] counts = new int[members.size()];
    for (int[] list : lists) {
      for (int m : list) {
        counts[m]++;
      }
    }
    Map<NodeId, Integer> byNode = new LinkedHashMap<>();
    for (int m = 0; m < members.size(); m++) {
      byNode.put(members.get(m).id(), counts[m]);
    }
    return byNode;
  }

  /** The same table under another version. */
  public BucketTable withVersion(long newVersion) {
    return new BucketTable(newVersion, settings, members, lists);
  }

  /** A bucket's list as member indices; package-private, never modified. */
  int[] memberIndices(int bucket) {
    return lists[bucket];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BucketTable other
        && version == other.version
        && settings.equals(other.settings)
        && members.equals(other.members)
        && Arrays.deepEquals(lists, other.lists);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(version) * 31 + Arrays.deepHashCode(lists);
  }

  @Override
  public String toString() {
    return "BucketTable{v" + version + ", " + settings + ", " + members.size() + " members}";
  }
}
