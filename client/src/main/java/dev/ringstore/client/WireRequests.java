package dev.ringstore.client;

import com.google.protobuf.ByteString;
import dev.ringstore.protocol.v1.DeleteRequest;
import dev.ringstore.protocol.v1.GetRequest;
import dev.ringstore.protocol.v1.PutCondition;
import dev.ringstore.protocol.v1.PutRequest;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.RequestOptions;
import dev.ringstore.protocol.v1.Response;
import java.util.List;
import java.util.Optional;

/**
 * The wire form of get, put and delete and of their replies, shared by {@link NodeClient} and
 * {@link Store}: options are sent only when a knob is set, contexts travel in binary form.
 */
final class WireRequests {
  private WireRequests() {}

  static Request get(byte[] key, ReadOptions options) {
    GetRequest.Builder get = GetRequest.newBuilder().setKey(ByteString.copyFrom(key));
    optionsOf(options.toWire()).ifPresent(get::setOptions);
    return Request.newBuilder().setGet(get).build();
  }

  /** A head read: the context and value sizes, no values. */
  static Request head(byte[] key, ReadOptions options) {
    Request get = get(key, options);
    return get.toBuilder().setGet(get.getGet().toBuilder().setHead(true)).build();
  }

  static KeyHead headResult(Response response) {
    return new KeyHead(
        response.getGet().getFound(),
        response.getGet().getValueSizesList(),
        WireValues.contextText(response.getGet().getContext()));
  }

  static Request put(
      byte[] key, byte[] value, String context, WriteOptions options, PutCondition condition) {
    PutRequest.Builder put =
        PutRequest.newBuilder()
            .setKey(ByteString.copyFrom(key))
            .setValue(ByteString.copyFrom(value))
            .setContext(WireValues.contextBytes(context))
            .setCondition(condition);
    optionsOf(options.toWire()).ifPresent(put::setOptions);
    return Request.newBuilder().setPut(put).build();
  }

  /** A delete; {@code returnBody} does not apply to one. */
  static Request delete(byte[] key, String context, WriteOptions options) {
    DeleteRequest.Builder delete =
        DeleteRequest.newBuilder()
            .setKey(ByteString.copyFrom(key))
            .setContext(WireValues.contextBytes(context));
    optionsOf(options.withReturnBody(false).toWire()).ifPresent(delete::setOptions);
    return Request.newBuilder().setDelete(delete).build();
  }

  static GetResult<byte[]> getResult(Response response) {
    return new GetResult<>(
        response.getGet().getFound(),
        WireValues.bytes(response.getGet().getValuesList()),
        WireValues.contextText(response.getGet().getContext()));
  }

  static PutResult<byte[]> putResult(Response response) {
    return new PutResult<>(
        WireValues.contextText(response.getPut().getContext()),
        WireValues.bytes(response.getPut().getValuesList()));
  }

  static PutResult<byte[]> deleteResult(Response response) {
    return new PutResult<>(WireValues.contextText(response.getDelete().getContext()), List.of());
  }

  private static Optional<RequestOptions> optionsOf(RequestOptions wire) {
    return wire.equals(RequestOptions.getDefaultInstance()) ? Optional.empty() : Optional.of(wire);
  }
}
