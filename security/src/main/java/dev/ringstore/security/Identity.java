package dev.ringstore.security;

import java.util.Objects;

/**
 * Who is on the other end of a connection, and how we know.
 *
 * @param id the certificate's common name or the token's id ({@code n1}, {@code alice})
 * @param role what it may do
 * @param source how it was established
 */
public record Identity(String id, Role role, Source source) {

  /** How an identity was established. */
  public enum Source {
    /** A client certificate the cluster's CA signed, checked in the TLS handshake. */
    CERTIFICATE,
    /** A token from the listener's token file, sent on the connection. */
    TOKEN,
    /** No security configured: every caller may do everything, as before TLS existed. */
    OPEN
  }

  /** The caller on a cluster that runs without TLS. */
  public static final Identity OPEN = new Identity("anyone", Role.ADMIN, Source.OPEN);

  public Identity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(source, "source");
  }

  /** Whether security is off, so no check applies. */
  public boolean open() {
    return source == Source.OPEN;
  }

  /** For messages: {@code node 'n1' (certificate)}. */
  public String describe() {
    return open() ? "an open cluster's caller" : role.label() + " '" + id + "' (" + how() + ")";
  }

  private String how() {
    return source == Source.CERTIFICATE ? "certificate" : "token";
  }
}
