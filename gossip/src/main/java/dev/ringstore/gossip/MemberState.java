package dev.ringstore.gossip;

import dev.ringstore.common.NodeId;
import java.util.Objects;
import java.util.Optional;

/**
 * One member as it describes itself, the unit that gossip spreads. Only the member itself makes a
 * new state of its own; everyone else keeps the newest they heard of, by (generation, version).
 *
 * @param id the member's node id
 * @param address where its node protocol listens, {@code host:port}
 * @param zone its zone, or null
 * @param generation its incarnation: a restarted member starts a higher one (its start time in
 *     milliseconds, or a counter it stores), which replaces every state of the lower one
 * @param version grows with every heartbeat and every change, within a generation
 * @param status what it says of itself; never {@link MemberStatus#DOWN}
 * @param tableVersion the newest bucket-table version it knows
 * @param load what it stores, in brief
 */
public record MemberState(
    NodeId id,
    String address,
    String zone,
    long generation,
    long version,
    MemberStatus status,
    long tableVersion,
    LoadSummary load) {

  public MemberState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(load, "load");
    if (address.isBlank()) {
      throw new IllegalArgumentException("the address of " + id + " is blank");
    }
    if (zone != null && zone.isBlank()) {
      throw new IllegalArgumentException("the zone of " + id + " is blank");
    }
    if (generation < 0 || version < 0 || tableVersion < 0) {
      throw new IllegalArgumentException(
          id + ": generation, version and table version are not negative");
    }
    if (!status.isGossiped()) {
      throw new IllegalArgumentException(id + ": a member never says it is " + status);
    }
  }

  /** A member's first state in a generation: version 0, no table, no load. */
  public static MemberState initial(
      NodeId id, String address, String zone, long generation, MemberStatus status) {
    return new MemberState(id, address, zone, generation, 0, status, 0, LoadSummary.EMPTY);
  }

  public Optional<String> zoneName() {
    return Optional.ofNullable(zone);
  }

  public Digest digest() {
    return new Digest(id, generation, version);
  }

  /** Whether this state replaces {@code other} (same member, later generation or version). */
  public boolean isNewerThan(MemberState other) {
    return generation != other.generation ? generation > other.generation : version > other.version;
  }

  /** Whether anything but the version differs: what a listener hears about as a change. */
  public boolean differsBeyondVersion(MemberState other) {
    return !address.equals(other.address)
        || !Objects.equals(zone, other.zone)
        || status != other.status
        || tableVersion != other.tableVersion
        || !load.equals(other.load);
  }

  MemberState nextVersion() {
    return withVersion(version + 1);
  }

  MemberState withVersion(long value) {
    return new MemberState(id, address, zone, generation, value, status, tableVersion, load);
  }

  MemberState withStatus(MemberStatus value) {
    return new MemberState(id, address, zone, generation, version + 1, value, tableVersion, load);
  }

  MemberState withTableVersion(long value) {
    return new MemberState(id, address, zone, generation, version + 1, status, value, load);
  }

  MemberState withLoad(LoadSummary value) {
    return new MemberState(id, address, zone, generation, version + 1, status, tableVersion, value);
  }
}
