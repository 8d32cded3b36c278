package dev.ringstore.gossip;

import dev.ringstore.common.NodeId;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One node's gossip: it spreads its own state and learns everyone else's, and judges who is alive
 * with a phi-accrual failure detector over the heartbeats it hears of.
 *
 * <p>Design note. Push/pull anti-entropy over digests, as Cassandra's gossiper (itself after van
 * Renesse et al., "Efficient Reconciliation and Flow Control for Anti-Entropy Protocols", 2008):
 * each round the node bumps its heartbeat version and opens a SYN → ACK → ACK2 exchange (see {@link
 * GossipMessage}) with peers chosen by {@link PeerSelection}. A change reaches all n members in
 * O(log n) rounds. Liveness is never gossiped: every newer state heard of a member is a heartbeat
 * arrival for the detector, and "down" is this node's own judgement (Hayashibara et al., 2004; see
 * {@link dev.ringstore.gossip.failure.PhiAccrualFailureDetector}).
 *
 * <p>It has no threads and does no I/O: the caller runs {@link #runRound} every {@link
 * GossipSettings#interval()}, hands every message that arrives to {@link #receive}, and plugs in
 * the transport, the clock and the randomness, so a simulation drives thousands of gossipers
 * deterministically. Thread-safe: rounds and messages may come from different threads.
 */
public final class Gossiper implements Membership {
  private final Object lock = new Object();
  private final MemberTable table;
  private final PeerSelection peers;
  private final GossipTransport transport;
  private final ListenerList listeners = new ListenerList();
  private final GossipSettings settings;
  private final GossipBounds bounds;
  private final NodeId self;
  private final String address;

  /**
   * @param self this node's first state: its id, address, zone, generation (higher than any it had
   *     before: its start time in milliseconds, or a counter it stores) and status
   * @param seeds addresses to gossip with when no member is known alive, and now and then anyway;
   *     this node's own address among them is ignored
   */
  public Gossiper(
      MemberState self,
      Collection<String> seeds,
      GossipTransport transport,
      InstantSource clock,
      RandomGenerator random,
      GossipSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.bounds =
        new GossipBounds(Objects.requireNonNull(clock, "clock"), settings.maxGenerationAhead());
    this.self = self.id();
    this.address = self.address();
    this.table =
        new MemberTable(
            self,
            settings.failureDetector(),
            settings.maxMembers(),
            settings.removedGrace(),
            clock,
            listeners);
    this.peers =
        new PeerSelection(
            seeds.stream().filter(seed -> !seed.equals(self.address())).distinct().toList(),
            Objects.requireNonNull(random, "random"));
  }

  /** One gossip round: a heartbeat, a liveness check, and SYNs to the chosen peers. */
  public void runRound() {
    List<PeerSelection.Target> targets;
    List<Digest> digests;
    synchronized (lock) {
      table.updateLocal(table.local().nextVersion());
      table.judgeLiveness();
      List<MemberState> live = new ArrayList<>();
      List<MemberState> unreachable = new ArrayList<>();
      table.split(live, unreachable);
      targets = peers.choose(live, unreachable);
      digests = List.copyOf(table.digests());
    }
    for (PeerSelection.Target target : targets) {
      transport.send(target.address(), new GossipMessage.Syn(self, address, target.id(), digests));
    }
  }

  /**
   * Handles a message from another node; answers it through the transport when it calls for it.
   *
   * @throws InvalidGossipMessageException when a generation or version in it is beyond what a real
   *     member reaches (see {@link GossipBounds}); then none of it is applied
   */
  public void receive(GossipMessage message) {
    if (message.from().equals(self) || message.to().filter(to -> !to.equals(self)).isPresent()) {
      return; // sent to an address that is now someone else's, or our own echo
    }
    bounds.check(message);
    GossipMessage reply = null;
    synchronized (lock) {
      if (message instanceof GossipMessage.Syn syn) {
        Reconciliation answer = Reconciliation.of(table, syn.digests());
        if (!answer.isEmpty()) {
          reply =
              new GossipMessage.Ack(
                  self, address, Optional.of(syn.from()), answer.newer, answer.wanted);
        }
      } else if (message instanceof GossipMessage.Ack ack) {
        ack.states().forEach(table::apply);
        if (!ack.requests().isEmpty()) {
          List<MemberState> requested = Reconciliation.requested(table, ack.requests());
          reply = new GossipMessage.Ack2(self, address, Optional.of(ack.from()), requested);
        }
      } else if (message instanceof GossipMessage.Ack2 ack2) {
        ack2.states().forEach(table::apply);
      }
    }
    if (reply != null) {
      transport.send(message.fromAddress(), reply);
    }
  }

  /** Says this node is joining, up or leaving; the other members hear of it within rounds. */
  public void setStatus(MemberStatus status) {
    if (!status.isGossiped()) {
      throw new IllegalArgumentException("a node does not say it is " + status);
    }
    synchronized (lock) {
      if (table.local().status() != status) {
        table.updateLocal(table.local().withStatus(status));
      }
    }
  }

  /**
   * Tells gossip that the cluster's configuration no longer holds {@code id} (it left, or an
   * operator removed it): once it has been down for the removed grace it is forgotten, and kept
   * forgotten against peers that still gossip its old state.
   */
  public void markRemoved(NodeId id) {
    synchronized (lock) {
      table.markRemoved(id);
    }
  }

  /**
   * Says this node knows bucket-table version {@code version} (a lower one than known is ignored).
   */
  public void setTableVersion(long version) {
    synchronized (lock) {
      if (version > table.local().tableVersion()) {
        table.updateLocal(table.local().withTableVersion(version));
      }
    }
  }

  /** Publishes this node's load summary. */
  public void setLoad(LoadSummary load) {
    synchronized (lock) {
      if (!table.local().load().equals(load)) {
        table.updateLocal(table.local().withLoad(load));
      }
    }
  }

  /** This node's own current state. */
  public MemberState localState() {
    synchronized (lock) {
      return table.local();
    }
  }

  /**
   * How many new members this node refused since it started because its table was full ({@link
   * GossipSettings#maxMembers()}): a count for a metric; above zero means a forged flood or a cap
   * set below the cluster's size.
   */
  public long refusedMembers() {
    synchronized (lock) {
      return table.refusedMembers();
    }
  }

  public GossipSettings settings() {
    return settings;
  }

  @Override
  public NodeId self() {
    return self;
  }

  @Override
  public List<MemberView> members() {
    synchronized (lock) {
      return table.states().stream()
          .map(state -> table.view(state.id()))
          .sorted(Comparator.comparing(MemberView::id))
          .toList();
    }
  }

  @Override
  public Optional<MemberView> member(NodeId id) {
    synchronized (lock) {
      return Optional.ofNullable(table.view(id));
    }
  }

  @Override
  public boolean isAlive(NodeId id) {
    synchronized (lock) {
      return table.isAlive(id);
    }
  }

  @Override
  public long newestTableVersion() {
    synchronized (lock) {
      return table.states().stream().mapToLong(MemberState::tableVersion).max().orElse(0);
    }
  }

  @Override
  public void addListener(MembershipListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void removeListener(MembershipListener listener) {
    listeners.remove(listener);
  }
}
