package dev.ringstore.common.versioning;

/**
 * A policy that reduces a key's siblings without a client's help, chosen explicitly per namespace.
 *
 * <p>Ringstore's default is no resolver at all: concurrent writes stay siblings until a client
 * reads them and writes a merge with the read's context, because any automatic choice must throw
 * writes away. A resolver returns a set with the same context and a subset of the siblings. The
 * siblings it drops are gone for good once the result is stored: the context still covers their
 * dots, so syncing with a replica that holds them drops them there too.
 */
@FunctionalInterface
public interface SiblingResolver {
  /** The resolved set: {@code set}'s context and a subset of its siblings. */
  DottedVersionVectorSet resolve(DottedVersionVectorSet set);
}
