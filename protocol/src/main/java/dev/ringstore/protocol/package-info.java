/**
 * The Ringstore wire protocol: length-prefixed frames carrying protobuf {@code Request}s and {@code
 * Response}s, multiplexed over one connection by request id.
 *
 * <p>The layers, each a separate Netty handler: {@link dev.ringstore.protocol.FrameDecoder} cuts
 * bytes into frames and enforces the size limit before anything is buffered; {@link
 * dev.ringstore.protocol.FrameBodyDecoder} parses a frame's body into a message; {@link
 * dev.ringstore.protocol.FrameEncoder} does the reverse. On top sit the two ends: {@link
 * dev.ringstore.protocol.ProtocolServer}, which hands every request to a {@link
 * dev.ringstore.protocol.RequestHandler} and writes responses as they complete, and {@link
 * dev.ringstore.protocol.ProtocolClient}, whose {@link dev.ringstore.protocol.Connection}s match
 * responses to requests by id. The byte layout is drawn in {@code FrameDecoder} and {@code
 * docs/protocol.md}.
 */
package dev.ringstore.protocol;
