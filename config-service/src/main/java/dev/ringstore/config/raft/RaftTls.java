package dev.ringstore.config.raft;

import dev.ringstore.security.Identity;
import dev.ringstore.security.Role;
import dev.ringstore.security.SecurityConfigException;
import dev.ringstore.security.TlsFiles;
import dev.ringstore.security.TransportSecurity;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.security.TlsConf.CertificatesConf;
import org.apache.ratis.security.TlsConf.PrivateKeyConf;

/**
 * The TLS a replica's Raft traffic uses, as Ratis's gRPC transport takes it: {@link Parameters}
 * given to both the replica's Raft server and its Ratis client ({@link GroupClient}).
 *
 * <p>With TLS on, one mutual-TLS configuration serves for Ratis's three services (server, client
 * and admin), on both ends: a replica presents its own certificate and key, requires the peer's,
 * and trusts only config replicas' certificates from the cluster's CA ({@link ConfigPeerTrust}). A
 * peer whose certificate another CA signed, that has expired, that names another role, or that
 * sends none fails the handshake, so it can neither vote, nor append, nor send commands. Ratis uses
 * the server configuration for the replica's one Raft port (client and admin services share it, see
 * {@link RatisSettings}) and for its connections to peers; a Ratis client dials with the client and
 * admin ones.
 *
 * <p>Ratis's gRPC client also checks that the peer's certificate names the host it dialled (a
 * subject alternative name), so a replica's certificate must name the host its peers know it by.
 */
final class RaftTls {
  private RaftTls() {}

  /** Empty parameters when {@code security} is open; mutual TLS otherwise. */
  static Parameters parameters(TransportSecurity security) {
    Parameters parameters = new Parameters();
    if (!security.enabled()) {
      return parameters;
    }
    requireConfigRole(security.self());
    GrpcTlsConfig mutual = mutualTls(security.files());
    GrpcConfigKeys.Server.setTlsConf(parameters, mutual);
    GrpcConfigKeys.Client.setTlsConf(parameters, mutual);
    GrpcConfigKeys.Admin.setTlsConf(parameters, mutual);
    return parameters;
  }

  private static GrpcTlsConfig mutualTls(TlsFiles files) {
    return GrpcTlsConfig.newBuilder()
        .setPrivateKey(new PrivateKeyConf(files.key().toFile()))
        .setKeyCertificates(new CertificatesConf(files.certificate().toFile()))
        .setTrustManager(ConfigPeerTrust.of(files.ca()))
        .setMutualTls(true)
        .build();
  }

  /** A node's or a client's certificate in a config replica is a deployment mistake: say so now. */
  private static void requireConfigRole(Identity self) {
    if (self.role() != Role.CONFIG) {
      throw new SecurityConfigException(
          "a config replica needs a certificate with role "
              + Role.CONFIG
              + ", got "
              + self.describe());
    }
  }
}
