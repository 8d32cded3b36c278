package dev.ringstore.gossip;

import dev.ringstore.common.NodeId;
import dev.ringstore.gossip.failure.PhiAccrualFailureDetector;
import dev.ringstore.gossip.failure.PhiAccrualSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The states one node holds, its own included, and its judgement of who is alive: the heart of the
 * gossiper without the messaging. Every newer state heard of a member counts as a heartbeat for the
 * member's failure detector; a higher generation replaces the old state and starts a fresh
 * detector. It never holds more than {@link GossipSettings#maxMembers()}: known members always
 * update, a new one gets in only while there is room (first come, first kept), so forged gossip can
 * neither grow the table without bound nor push out a member already known. A member that said it
 * was {@link MemberStatus#LEAVING} and stayed down for {@link GossipSettings#removedGrace()} is
 * forgotten, and kept forgotten against slow peers by a tombstone ({@link ForgottenMembers}). Not
 * thread-safe: the {@link Gossiper} guards it.
 */
final class MemberTable {
  private final PhiAccrualSettings detection;
  private final InstantSource clock;
  private final MembershipListener listeners;
  private final int maxMembers;
  private final RefusedMembers refused;
  private final Duration removedGrace;
  private final ForgottenMembers forgotten;
  private final Map<NodeId, Entry> others = new LinkedHashMap<>();
  private MemberState local;

  private static final class Entry {
    MemberState state;
    PhiAccrualFailureDetector detector;
    boolean alive = true;
    Instant downSince; // null while alive
    boolean removed; // the cluster's configuration no longer has it, whatever it gossiped last

    Entry(MemberState state, PhiAccrualFailureDetector detector) {
      this.state = state;
      this.detector = detector;
    }
  }

  MemberTable(
      MemberState local,
      PhiAccrualSettings detection,
      int maxMembers,
      Duration removedGrace,
      InstantSource clock,
      MembershipListener listeners) {
    this.local = local;
    this.detection = detection;
    this.maxMembers = maxMembers;
    this.refused = new RefusedMembers(maxMembers, clock);
    this.removedGrace = removedGrace;
    this.forgotten = new ForgottenMembers(clock, removedGrace, maxMembers);
    this.clock = clock;
    this.listeners = listeners;
  }

  MemberState local() {
    return local;
  }

  void updateLocal(MemberState state) {
    local = state;
  }

  /** The newest state known of {@code id}, this node's own included; null when unknown. */
  MemberState state(NodeId id) {
    if (id.equals(local.id())) {
      return local;
    }
    Entry entry = others.get(id);
    return entry == null ? null : entry.state;
  }

  /** Every state known, this node's first. */
  List<MemberState> states() {
    List<MemberState> all = new ArrayList<>(others.size() + 1);
    all.add(local);
    for (Entry entry : others.values()) {
      all.add(entry.state);
    }
    return all;
  }

  /** How many members are known, this node included. */
  int size() {
    return others.size() + 1;
  }

  /** Whether a state of a member not known now would be kept: room, and not forgotten since. */
  boolean wouldKeepNew(NodeId id, long generation) {
    return size() < maxMembers && !forgotten.blocks(id, generation);
  }

  /** How many new members a full table refused since the start. */
  long refusedMembers() {
    return refused.total();
  }

  /** A digest of every state known, this node's first. */
  List<Digest> digests() {
    List<Digest> digests = new ArrayList<>(others.size() + 1);
    digests.add(local.digest());
    for (Entry entry : others.values()) {
      digests.add(entry.state.digest());
    }
    return digests;
  }

  /** The other members, split by whether they are believed alive. */
  void split(List<MemberState> alive, List<MemberState> unreachable) {
    for (Entry entry : others.values()) {
      (entry.alive ? alive : unreachable).add(entry.state);
    }
  }

  boolean isAlive(NodeId id) {
    if (id.equals(local.id())) {
      return true;
    }
    Entry entry = others.get(id);
    return entry != null && entry.alive;
  }

  MemberView view(NodeId id) {
    if (id.equals(local.id())) {
      return new MemberView(local, true, 0, Optional.empty());
    }
    Entry entry = others.get(id);
    return entry == null
        ? null
        : new MemberView(
            entry.state, entry.alive, entry.detector.phi(), Optional.ofNullable(entry.downSince));
  }

  /** Keeps {@code remote} if it is newer than what is known, and tells the listeners. */
  void apply(MemberState remote) {
    NodeId id = remote.id();
    if (id.equals(local.id())) {
      if (remote.generation() == local.generation() && remote.version() > local.version()) {
        // Someone heard of a later version of this incarnation than it remembers (its state was
        // reset without a new generation): jump past it so that its own state wins again.
        local = local.withVersion(remote.version() + 1);
      }
      return;
    }
    Entry entry = others.get(id);
    if (entry == null) {
      if (forgotten.blocks(id, remote.generation())) {
        return; // a slow peer's copy of a member that left: it stays forgotten
      }
      if (size() >= maxMembers) {
        refused.refused(id);
        return;
      }
      forgotten.clear(id);
      entry = new Entry(remote, new PhiAccrualFailureDetector(detection, clock));
      others.put(id, entry);
      entry.detector.heartbeat();
      listeners.onJoined(view(id));
      return;
    }
    if (!remote.isNewerThan(entry.state)) {
      return;
    }
    MemberState old = entry.state;
    entry.state = remote;
    boolean restarted = remote.generation() > old.generation();
    if (restarted) { // a new incarnation: the old one's rhythm says nothing about it
      entry.detector = new PhiAccrualFailureDetector(detection, clock);
    }
    entry.detector.heartbeat();
    if (restarted) {
      listeners.onRestarted(view(id));
    }
    if (!entry.alive && entry.detector.isAvailable()) {
      entry.alive = true;
      entry.downSince = null;
      listeners.onUp(view(id));
    }
    if (!restarted && remote.differsBeyondVersion(old)) {
      listeners.onChanged(view(id));
    }
  }

  /**
   * Marks down every member whose phi reached the threshold, and forgets every member that said it
   * was leaving and has been down for the removed grace; tells the listeners of both.
   */
  void judgeLiveness() {
    Instant now = clock.instant();
    for (Iterator<Entry> it = others.values().iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (entry.alive && !entry.detector.isAvailable()) {
        entry.alive = false;
        entry.downSince = now;
        listeners.onDown(view(entry.state.id()));
      } else if (hasLeft(entry, now)) {
        MemberView last = view(entry.state.id());
        it.remove();
        forgotten.forget(entry.state.id(), entry.state.generation());
        listeners.onForgotten(last);
      }
    }
    forgotten.expire();
  }

  /**
   * The cluster's configuration says {@code id} left or was removed (a crashed node removed by an
   * operator never gossips that it is leaving): it is forgotten like a leaving member, once down
   * for the removed grace. False when no such member is known.
   */
  boolean markRemoved(NodeId id) {
    Entry entry = others.get(id);
    if (entry == null) {
      return false;
    }
    entry.removed = true;
    return true;
  }

  /** Said it was leaving (or was removed), then went silent for the whole grace: gone for good. */
  private boolean hasLeft(Entry entry, Instant now) {
    return !entry.alive
        && (entry.removed || entry.state.status() == MemberStatus.LEAVING)
        && !now.isBefore(entry.downSince.plus(removedGrace));
  }
}
