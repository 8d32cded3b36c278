/**
 * The config service's consensus group on Apache Ratis: {@link
 * dev.ringstore.config.raft.RatisConsensusGroup} runs a {@link
 * dev.ringstore.config.ReplicatedState} as a Ratis state machine, with Ratis's gRPC transport
 * (mutual TLS when the process has TLS) between replicas. The only package that names Ratis types;
 * everything else sees {@link dev.ringstore.config.ConsensusGroup}.
 */
package dev.ringstore.config.raft;
