package dev.ringstore.protocol;

import static dev.ringstore.protocol.WireFrames.found;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.protocol.v1.Error;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RingstoreExceptionTest {

  @Test
  void requireOkPassesResultsThroughAndThrowsErrorsWithTheirCodeAndMessage() {
    assertThat(RingstoreException.requireOk(found("v"))).isEqualTo(found("v"));

    Response error = RingstoreException.errorResponse(ErrorCode.STALE_TABLE, "table 17 < 18");
    assertThatThrownBy(() -> RingstoreException.requireOk(error))
        .isInstanceOfSatisfying(
            RingstoreException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.STALE_TABLE);
              assertThat(e.detail()).isEqualTo("table 17 < 18");
              assertThat(e.getMessage()).isEqualTo("STALE_TABLE: table 17 < 18");
            });
  }

  @Test
  void anErrorRoundTripsThroughAResponse() {
    RingstoreException original = new RingstoreException(ErrorCode.OVERLOADED, "busy");

    RingstoreException back = RingstoreException.fromError(original.toResponse().getError());

    assertThat(back.code()).isEqualTo(ErrorCode.OVERLOADED);
    assertThat(back.detail()).isEqualTo("busy");
  }

  @Test
  void aCodeFromANewerPeerOrNoCodeAtAllIsInternal() {
    Error unknown = Error.newBuilder().setCodeValue(99).setMessage("new").build();
    Error unset = Error.newBuilder().setMessage("?").build();

    assertThat(RingstoreException.fromError(unknown).code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(RingstoreException.fromError(unknown).detail()).contains("99");
    assertThat(RingstoreException.fromError(unset).code()).isEqualTo(ErrorCode.INTERNAL);
  }
}
