package dev.ringstore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.protocol.v1.RequestOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How {@link ReadOptions} and {@link WriteOptions} become the wire's {@link RequestOptions}. */
@Timeout(30)
class RequestOptionsMappingTest {

  @Test
  void defaultsLeaveEveryKnobToTheNode() {
    assertThat(ReadOptions.defaults().toWire()).isEqualTo(RequestOptions.getDefaultInstance());
    assertThat(WriteOptions.defaults().toWire()).isEqualTo(RequestOptions.getDefaultInstance());
    RequestOptions wire = ReadOptions.defaults().toWire();
    assertThat(wire.hasN() || wire.hasR() || wire.hasPr() || wire.hasSloppy()).isFalse();
  }

  @Test
  void readKnobsTravelAsSet() {
    RequestOptions wire =
        ReadOptions.defaults()
            .withN(3)
            .withR(2)
            .withPr(1)
            .withSloppy(false)
            .withTimeout(Duration.ofMillis(1500))
            .toWire();

    assertThat(wire.getN()).isEqualTo(3);
    assertThat(wire.getR()).isEqualTo(2);
    assertThat(wire.getPr()).isEqualTo(1);
    assertThat(wire.hasSloppy()).isTrue();
    assertThat(wire.getSloppy()).isFalse();
    assertThat(wire.getTimeoutMs()).isEqualTo(1500);
    assertThat(wire.hasW()).isFalse();
    assertThat(wire.hasPw()).isFalse();
    assertThat(wire.getReturnBody()).isFalse();
  }

  @Test
  void writeKnobsTravelAsSet() {
    RequestOptions wire =
        WriteOptions.defaults()
            .withN(2)
            .withW(2)
            .withPw(2)
            .withSloppy(true)
            .withTimeout(Duration.ofSeconds(3))
            .withReturnBody(true)
            .toWire();

    assertThat(wire.getN()).isEqualTo(2);
    assertThat(wire.getW()).isEqualTo(2);
    assertThat(wire.getPw()).isEqualTo(2);
    assertThat(wire.hasSloppy()).isTrue();
    assertThat(wire.getSloppy()).isTrue();
    assertThat(wire.getTimeoutMs()).isEqualTo(3000);
    assertThat(wire.getReturnBody()).isTrue();
    assertThat(wire.hasR()).isFalse();
  }

  @Test
  void sloppyCanBeHandedBackToTheNode() {
    assertThat(ReadOptions.defaults().withSloppy(true).withSloppy(null).toWire().hasSloppy())
        .isFalse();
  }

  @Test
  void aNullTimeoutMeansTheNodesDefault() {
    assertThat(ReadOptions.defaults().withTimeout(null).timeout()).isZero();
    assertThat(WriteOptions.defaults().withTimeout(null).toWire().getTimeoutMs()).isZero();
  }

  @Test
  void impossibleKnobsAreRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> ReadOptions.defaults().withR(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("r must not be negative: -1");
    assertThatThrownBy(() -> ReadOptions.defaults().withN(2).withR(3))
        .hasMessage("r (3) must not exceed n (2)");
    assertThatThrownBy(() -> WriteOptions.defaults().withN(1).withPw(2))
        .hasMessage("pw (2) must not exceed n (1)");
    assertThatThrownBy(() -> ReadOptions.defaults().withR(1).withPr(2))
        .hasMessage("pr (2) must not exceed r (1)");
    assertThatThrownBy(() -> WriteOptions.defaults().withTimeout(Duration.ofMillis(-5)))
        .hasMessageStartingWith("timeout must be from 0");
    assertThatThrownBy(() -> WriteOptions.defaults().withTimeout(Duration.ofNanos(10)))
        .hasMessageStartingWith("timeout must be at least 1ms");
  }

  @Test
  void aQuorumWithoutNIsLeftForTheNodeToJudge() {
    assertThat(WriteOptions.defaults().withW(5).toWire().getW()).isEqualTo(5);
    assertThat(WriteOptions.defaults().withPw(3).toWire().getPw()).isEqualTo(3);
  }
}
