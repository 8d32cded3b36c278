package dev.ringstore.protocol;

/**
 * The byte stream stopped being Ringstore frames (a bad magic byte or an unknown kind), so frame
 * boundaries are lost and cannot be found again. The decoder passes this up once and discards
 * everything after it; a server answers with {@code BAD_REQUEST} on request id {@link
 * Frame#CONNECTION_ID} and closes the connection.
 *
 * @param reason what was wrong
 */
public record ProtocolViolation(String reason) {}
