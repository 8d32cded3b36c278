/**
 * A node's local storage: one RocksDB per node with the column families {@code data}, {@code hints}
 * and {@code meta}, behind the blocking {@link dev.ringstore.node.storage.StorageEngine} interface.
 *
 * <p>Every key's value is a {@link dev.ringstore.common.versioning.DottedVersionVectorSet}; the
 * engine changes it only through {@link dev.ringstore.node.storage.StorageEngine#update}, an atomic
 * read-modify-write per key. {@link dev.ringstore.node.storage.InMemoryStorageEngine} is the
 * reference implementation with the same semantics; {@link
 * dev.ringstore.node.storage.RocksDbStorageEngine} is the real one. See {@code docs/storage.md}.
 */
package dev.ringstore.node.storage;
