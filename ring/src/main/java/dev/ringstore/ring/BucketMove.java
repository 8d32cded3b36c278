package dev.ringstore.ring;

import dev.ringstore.common.NodeId;

/**
 * One bucket-replica changing hands in a table change: {@code to} must copy the bucket from the old
 * owners, after which {@code from} may drop it. {@code from} is null when a list grows (fewer nodes
 * than replicas before), {@code to} is null when it shrinks.
 */
public record BucketMove(int bucket, NodeId from, NodeId to) {}
