/**
 * Failure detection: {@link dev.ringstore.gossip.failure.PhiAccrualFailureDetector}, the
 * phi-accrual detector of Hayashibara et al. (2004), over heartbeat inter-arrival times measured
 * with an injected clock.
 */
package dev.ringstore.gossip.failure;
