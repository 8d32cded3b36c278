/**
 * Who may talk to a cluster. A cluster has one certificate authority ({@link CertificateAuthority},
 * made by {@code ringstore certs init}); every node, config replica, client and administrator holds
 * a key and a certificate it signed, whose subject names an id and a {@link Role}. Every listener
 * speaks TLS with contexts from {@link TlsContexts} and refuses, at the handshake, a peer whose
 * certificate another CA signed, that has expired, or (where certificates are required) that has
 * none. What the peer may then do follows from its {@link Identity}: from its certificate, or from
 * a token ({@link TokenStore}) on a listener that also accepts tokens.
 */
package dev.ringstore.security;
