package dev.ringstore.testhosts;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Test hosts for real processes: each host is a Linux network namespace with one interface, cabled
 * to a bridge in a "switch" namespace, so processes on different hosts talk over real TCP through a
 * kernel network stack each, and a partition is a real network split.
 *
 * <p>Topology for {@code create("bench", List.of("a", "b"))}: namespaces {@code bench-a} and {@code
 * bench-b}, each with {@code lo} and {@code eth0} (198.18.0.1/24, 198.18.0.2/24: RFC 2544's
 * benchmarking range, never a real address), and {@code bench-sw} holding the other ends of the
 * veth pairs ({@code v0}, {@code v1}) on bridge {@code br0}. The root namespace gets nothing: no
 * address, route or interface, so no test traffic can leave the machine.
 *
 * <p>{@link #partition} moves each side's ports onto a bridge of its own. Frames for the other side
 * have nowhere to go and are dropped without a word: no RST, no ICMP, and (neighbour entries being
 * pinned) no "no route to host" either, so connects and requests time out as they do in a real
 * split. Bridges rather than iptables rules: they need nothing beyond iproute2, cannot disturb the
 * machine's own firewall, and drop silently by construction rather than by choosing the right
 * target.
 *
 * <p>Closing stops every process started with {@link #start} (and its descendants), kills anything
 * else still running on a host, and deletes the namespaces, which deletes their veths. A shutdown
 * hook does the same on Ctrl-C; {@link #create} removes what a crashed run of the same name left.
 * Needs root and iproute2: check {@link #unavailableReason()} first.
 */
public final class TestNetwork implements AutoCloseable {
  private final NetworkLayout layout;
  private final SwitchWiring wiring;
  private final HostFilters filters;
  private final HostProcesses processes = new HostProcesses();
  private final List<String> namespaces = new ArrayList<>();
  private final Thread shutdownHook;
  private boolean closed;

  private TestNetwork(NetworkLayout layout, Iproute ip, String nft) {
    this.layout = layout;
    this.wiring = new SwitchWiring(ip, layout);
    this.filters = new HostFilters(ip, layout, nft);
    this.shutdownHook = new Thread(this::close, "testhosts-" + layout.name() + "-cleanup");
  }

  /**
   * Why test hosts cannot run here (not root, no {@code ip}, namespaces refused), if they cannot.
   */
  public static Optional<String> unavailableReason() {
    return Prerequisites.unavailableReason();
  }

  /**
   * Builds network {@code name} (1-12 of [a-z0-9]) with {@code hosts} (same rule, not "sw"), all on
   * one bridge, after deleting any namespaces a previous run of {@code name} left behind.
   */
  public static TestNetwork create(String name, List<String> hosts) {
    String binary =
        SystemIproute.locate()
            .orElseThrow(() -> new IllegalStateException("no `ip` binary (iproute2) found"));
    return create(name, hosts, new SystemIproute(binary));
  }

  /**
   * Why {@link #cut} and {@link #degrade} cannot run here (no {@code nft} from the nftables
   * package), if they cannot; partitions need only iproute2.
   */
  public static Optional<String> filtersUnavailableReason() {
    return HostFilters.locate().isPresent()
        ? Optional.empty()
        : Optional.of(
            "link cuts and lossy links need nftables: no `nft` on PATH or in /usr/sbin, /sbin");
  }

  static TestNetwork create(String name, List<String> hosts, Iproute ip) {
    return create(name, hosts, ip, HostFilters.locate().orElse("nft"));
  }

  static TestNetwork create(String name, List<String> hosts, Iproute ip, String nft) {
    TestNetwork network = new TestNetwork(new NetworkLayout(name, hosts), ip, nft);
    Runtime.getRuntime().addShutdownHook(network.shutdownHook);
    try {
      network.build();
    } catch (RuntimeException e) {
      try {
        network.close();
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return network;
  }

  private synchronized void build() {
    wiring.leftovers().forEach(wiring::delete);
    addNamespace(layout.switchNamespace());
    wiring.addBridges(1);
    for (String host : layout.hosts()) {
      addNamespace(layout.namespace(host));
      wiring.addHost(host);
    }
    layout.hosts().forEach(wiring::pinNeighbours);
  }

  /** Adds a namespace and remembers it, so a failure from here on deletes it. */
  private void addNamespace(String namespace) {
    wiring.addNamespace(namespace);
    namespaces.add(namespace);
  }

  public String name() {
    return layout.name();
  }

  public List<String> hosts() {
    return layout.hosts();
  }

  /** The host's address on the test network; {@code getHostAddress()} gives it as a string. */
  public InetAddress address(String host) {
    return layout.address(host);
  }

  /** The name of the host's network namespace, for {@code ip netns exec} and friends. */
  public String namespace(String host) {
    return layout.namespace(host);
  }

  /** {@code argv} prefixed with {@code ip netns exec <namespace>}, for a {@link ProcessBuilder}. */
  public List<String> command(String host, List<String> argv) {
    return wiring.command(host, argv);
  }

  /**
   * Starts {@code argv} on {@code host} with stdout and stderr appended to {@code log}, and stdin
   * closed. The process (and anything it starts) is stopped when the network closes.
   */
  public synchronized Process start(String host, List<String> argv, Path log) throws IOException {
    checkOpen();
    Path parent = log.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Process process =
        new ProcessBuilder(command(host, argv))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    processes.track(process);
    process.getOutputStream().close();
    return process;
  }

  /**
   * Splits the network: hosts on the same side reach each other, traffic between sides is silently
   * dropped. Hosts in no side are each cut off alone. Replaces any earlier partition.
   */
  @SafeVarargs
  public final synchronized void partition(Set<String>... sides) {
    checkOpen();
    List<Set<String>> sideList = new ArrayList<>();
    for (Set<String> side : sides) {
      sideList.add(side);
    }
    wiring.cable(PartitionPlan.bridges(layout.hosts(), sideList));
  }

  /**
   * Cuts single links, which bridges cannot: each key host silently drops what it sends to each of
   * its peers (so a cut both ways needs both entries; {@link LinkCuts#ring} gives them for a ring
   * partition). Adds to earlier cuts; {@link #heal} removes them. Needs nftables.
   */
  public synchronized void cut(Map<String, Set<String>> unreachable) {
    checkOpen();
    unreachable.forEach(
        (host, peers) -> {
          layout.index(host);
          peers.forEach(layout::index);
          filters.cut(host, peers);
        });
  }

  /**
   * Each of {@code hosts} drops and duplicates at random what it sends to the test network (so a
   * link between two degraded hosts is degraded both ways). {@link #heal} restores the links. Needs
   * nftables.
   */
  public synchronized void degrade(Set<String> hosts, LinkFaults faults) {
    checkOpen();
    for (String host : hosts) {
      layout.index(host);
      filters.degrade(host, faults);
    }
  }

  /** Puts every host back on one bridge and removes every link cut and degradation. */
  public synchronized void heal() {
    checkOpen();
    wiring.cable(PartitionPlan.healed(layout.hosts()));
    filters.clear();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("test network " + layout.name() + " is closed");
    }
  }

  /** Stops the processes and deletes every namespace this network made. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or about to; this close has done its work first.
      }
    }
    processes.destroyAll();
    RuntimeException failure = null;
    for (int i = namespaces.size() - 1; i >= 0; i--) {
      try {
        wiring.delete(namespaces.get(i));
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    namespaces.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
