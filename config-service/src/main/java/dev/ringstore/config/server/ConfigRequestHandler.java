package dev.ringstore.config.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.ringstore.config.ConsensusGroup;
import dev.ringstore.config.ConsensusUnavailableException;
import dev.ringstore.config.GroupStatus;
import dev.ringstore.protocol.RequestHandler;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ConfigQuery;
import dev.ringstore.protocol.v1.ConfigReply;
import dev.ringstore.protocol.v1.Error;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A config replica's client port: commands go through the Raft log, queries to the leader; any
 * replica accepts either. When no leader can commit, the reply is UNAVAILABLE, so a client moves on
 * to another replica. A status reply gains this replica's view of the group: {@code "config":
 * {"leader", "term", "replicas"}} — leader null while there is none — and is answered even then.
 */
final class ConfigRequestHandler implements RequestHandler {
  private final ConsensusGroup group;
  private final ObjectMapper mapper = new ObjectMapper();

  ConfigRequestHandler(ConsensusGroup group) {
    this.group = group;
  }

  @Override
  public CompletableFuture<Response> handle(Request request) {
    return switch (request.getOpCase()) {
      case CONFIG_COMMAND -> replied(group.submit(request.getConfigCommand().toByteArray()), false);
      case CONFIG_QUERY ->
          replied(
              group.query(request.getConfigQuery().toByteArray()),
              request.getConfigQuery().getKindCase() == ConfigQuery.KindCase.STATUS);
      default ->
          CompletableFuture.completedFuture(
              RingstoreException.errorResponse(
                  ErrorCode.BAD_REQUEST,
                  "this is a config replica: it serves config requests only"));
    };
  }

  private CompletableFuture<Response> replied(CompletableFuture<byte[]> answer, boolean status) {
    return answer.handle(
        (bytes, failure) -> {
          ConfigReply reply;
          if (failure == null) {
            reply = parse(bytes);
          } else if (unwrap(failure) instanceof ConsensusUnavailableException unavailable) {
            reply = error(ErrorCode.UNAVAILABLE, unavailable.getMessage());
          } else {
            reply = error(ErrorCode.INTERNAL, "config replica failed: " + unwrap(failure));
          }
          if (status
              && (!reply.hasError() || reply.getError().getCode() == ErrorCode.UNAVAILABLE)) {
            reply = ConfigReply.newBuilder().setJson(withGroup(reply)).build();
          }
          return Response.newBuilder().setConfig(reply).build();
        });
  }

  private String withGroup(ConfigReply reply) {
    GroupStatus status = group.status();
    ObjectNode json;
    try {
      json =
          reply.hasError()
              ? mapper.createObjectNode()
              : (ObjectNode) mapper.readTree(reply.getJson());
    } catch (JsonProcessingException e) {
      json = mapper.createObjectNode();
    }
    if (reply.hasError()) {
      json.put("error", reply.getError().getMessage());
    }
    ObjectNode config = json.putObject("config");
    config.put("leader", status.leader().map(Object::toString).orElse(null));
    config.put("term", status.term());
    status.replicas().forEach(r -> config.withArray("replicas").add(r.value()));
    config.put("answeredBy", status.self().value());
    return json.toString();
  }

  private static ConfigReply parse(byte[] bytes) {
    try {
      return ConfigReply.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      return error(ErrorCode.INTERNAL, "unreadable state-machine reply");
    }
  }

  private static ConfigReply error(ErrorCode code, String message) {
    return ConfigReply.newBuilder()
        .setError(Error.newBuilder().setCode(code).setMessage(String.valueOf(message)))
        .build();
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }
}
