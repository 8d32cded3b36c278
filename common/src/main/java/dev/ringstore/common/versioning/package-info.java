/**
 * Causality tracking for stored values: dotted version vector sets (Almeida et al., "Scalable and
 * Accurate Causality Tracking for Eventually Consistent Stores", DAIS 2014), the scheme Riak 2.x
 * uses.
 *
 * <p>Each key stores a {@link dev.ringstore.common.versioning.DottedVersionVectorSet}: the values
 * that are concurrent with each other (siblings), each tagged with the {@link
 * dev.ringstore.common.versioning.Dot} of the write that made it, plus a causal context that says
 * which writes the set has seen. A read hands the client an opaque {@link
 * dev.ringstore.common.versioning.CausalContext}; a write that carries it supersedes exactly what
 * the client saw. Actors are server-side ({@link dev.ringstore.common.versioning.ActorId}: node id
 * plus data-dir incarnation), so the number of actors is bounded by the number of nodes that ever
 * coordinated a write, not by the number of clients.
 *
 * <p>Everything here is an immutable value and does no I/O; time is supplied by the caller.
 */
package dev.ringstore.common.versioning;
