package dev.ringstore.protocol;

import static dev.ringstore.security.Role.ADMIN;
import static dev.ringstore.security.Role.NODE;
import static dev.ringstore.security.Role.READER;
import static dev.ringstore.security.Role.WRITER;

import dev.ringstore.protocol.v1.ConfigCommand;
import dev.ringstore.protocol.v1.ConfigQuery;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.security.Identity;
import dev.ringstore.security.Role;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that says which roles may send each request, checked by every listener before a
 * request reaches its handler. Client roles nest (reader &lt; writer &lt; admin). A node may also
 * send client operations, because coordinators forward them. No client identity, however
 * privileged, may send a replica operation, gossip, anti-entropy, a transfer page or a node's
 * report to the config service; and a node may join, heartbeat and gossip only as itself.
 */
public final class RequestRoles {
  private static final Set<Role> ANYONE = EnumSet.of(READER, WRITER, ADMIN, NODE, Role.CONFIG);
  private static final Set<Role> READERS = EnumSet.of(READER, WRITER, ADMIN, NODE);
  private static final Set<Role> WRITERS = EnumSet.of(WRITER, ADMIN, NODE);
  private static final Set<Role> ADMINS = EnumSet.of(ADMIN);
  private static final Set<Role> INSPECTORS = EnumSet.of(ADMIN, NODE);
  private static final Set<Role> NODES = EnumSet.of(NODE);

  private RequestRoles() {}

  /**
   * Why {@code caller} may not send {@code request}, or empty when it may. {@code caller} is null
   * on a connection that has not authenticated yet.
   */
  public static Optional<String> refusal(Identity caller, Request request) {
    if (caller != null && caller.open()) {
      return Optional.empty();
    }
    Set<Role> allowed = allowed(request);
    if (caller == null) {
      return Optional.of(
          operation(request)
              + " needs role "
              + names(allowed)
              + "; this connection has not authenticated (present a client certificate the"
              + " cluster's CA signed, or send a token)");
    }
    if (!allowed.contains(caller.role())) {
      return Optional.of(
          operation(request)
              + " needs role "
              + names(allowed)
              + "; "
              + caller.describe()
              + " may not");
    }
    String reporter = reportingNode(request);
    if (reporter != null && !reporter.equals(caller.id())) {
      return Optional.of(
          operation(request)
              + " reports for node '"
              + reporter
              + "'; "
              + caller.describe()
              + " may report only for itself");
    }
    return Optional.empty();
  }

  /** The roles that may send {@code request}. */
  static Set<Role> allowed(Request request) {
    return switch (request.getOpCase()) {
      case GET -> READERS;
      case PUT, DELETE -> WRITERS;
      case REPLICA_GET, REPLICA_PUT, ANTI_ENTROPY, TRANSFER_PAGE, GOSSIP -> NODES;
      case INSPECT -> INSPECTORS;
      case PING, STATUS, AUTHENTICATE, OP_NOT_SET -> ANYONE;
      case CONFIG_COMMAND -> command(request.getConfigCommand());
      case CONFIG_QUERY -> query(request.getConfigQuery());
    };
  }

  private static Set<Role> command(ConfigCommand command) {
    return switch (command.getKindCase()) {
      case JOIN, HEARTBEAT -> NODES;
      case PLAN, COMMIT, CANCEL -> ADMINS;
      case KIND_NOT_SET -> ANYONE;
    };
  }

  private static Set<Role> query(ConfigQuery query) {
    return switch (query.getKindCase()) {
      case TABLE, STATUS, KIND_NOT_SET -> ANYONE;
      case HEARTBEAT -> NODES;
    };
  }

  /** The node a join, heartbeat or gossip message speaks for: it must be the caller itself. */
  private static String reportingNode(Request request) {
    if (request.hasGossip()) {
      return request.getGossip().getFrom();
    }
    if (request.hasConfigCommand()) {
      ConfigCommand command = request.getConfigCommand();
      if (command.hasJoin()) {
        return command.getJoin().getNode().getId();
      }
      if (command.hasHeartbeat()) {
        return command.getHeartbeat().getNode();
      }
    }
    if (request.hasConfigQuery() && request.getConfigQuery().hasHeartbeat()) {
      return request.getConfigQuery().getHeartbeat().getReport().getNode();
    }
    return null;
  }

  /** The request's name in a refusal; built only when refusing, never on the allowed path. */
  private static String operation(Request request) {
    if (request.hasConfigCommand()) {
      return "config command "
          + request.getConfigCommand().getKindCase().name().toLowerCase(Locale.ROOT);
    }
    return request.getOpCase().name().toLowerCase(Locale.ROOT);
  }

  private static String names(Set<Role> roles) {
    return roles.stream().map(Role::label).collect(Collectors.joining(" or "));
  }
}
