package dev.ringstore.node.coordinator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.node.cluster.ScriptedTransport;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.PutRequest;
import dev.ringstore.protocol.v1.PutResponse;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ForwarderTest {
  private static final NodeId P1 = NodeId.of("n1");
  private static final NodeId P2 = NodeId.of("n2");
  private static final NodeId P3 = NodeId.of("n3");
  private static final NodeId SPARE = NodeId.of("n4");
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final Request PUT =
      Request.newBuilder()
          .setPut(PutRequest.newBuilder().setKey(ByteString.copyFromUtf8("user:42")))
          .build();

  private final ScriptedTransport network = new ScriptedTransport();
  private final Forwarder forwarder = new Forwarder(network);
  private final AtomicInteger coordinatedHere = new AtomicInteger();

  @BeforeEach
  void everyPrimaryAnswersWithItsName() {
    List.of(P1, P2, P3, SPARE).forEach(node -> network.reply(node, answeredBy(node)));
  }

  @Test
  void handsTheWriteToTheFirstLivePrimaryAndReturnsItsAnswer() {
    Response answer = forwarder.forward(PUT, plan(live(P1, P2, P3)), TIMEOUT).join();

    assertThat(answer).isEqualTo(answeredBy(P1));
    assertThat(network.sent()).containsExactly(new ScriptedTransport.Sent(P1, PUT));
  }

  @Test
  void aPrimaryThatRefusesIsSkippedForTheNextInPreferenceOrder() {
    network.refuse(P1);

    assertThat(forwarder.forward(PUT, plan(live(P1, P2, P3)), TIMEOUT).join())
        .isEqualTo(answeredBy(P2));
    assertThat(network.sentTo()).containsExactly(P1, P2);
  }

  @Test
  void theFirstPrimaryThatAnswersHasTheLastWordEvenWithAnError() {
    Response conflict =
        RingstoreException.errorResponse(
            ErrorCode.CONDITION_FAILED, "the key already holds a value");
    network.reply(P1, conflict);

    assertThat(forwarder.forward(PUT, plan(live(P1, P2, P3)), TIMEOUT).join()).isEqualTo(conflict);
    assertThat(network.sentTo()).containsExactly(P1);
  }

  @Test
  void aPrimaryThatTimesOutFailsTheWriteAsTimeoutRatherThanHandingItToAnother() {
    network.timeOut(P1);

    RingstoreException failure =
        Outcomes.failure(forwarder.forward(PUT, plan(live(P1, P2, P3)), TIMEOUT));

    assertThat(failure.code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(network.sentTo()).containsExactly(P1);
  }

  @Test
  void whenEveryPrimaryRefusesTheWriteIsUnavailable() {
    List.of(P1, P2, P3).forEach(network::refuse);

    RingstoreException failure =
        Outcomes.failure(forwarder.forward(PUT, plan(live(P1, P2, P3)), TIMEOUT));

    assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(network.sentTo()).containsExactly(P1, P2, P3);
  }

  @Test
  void aFallbackIsNeverAskedToCoordinateAWrite() {
    network.refuse(P2);
    List<Target> targets = List.of(Target.primary(P2), Target.fallback(SPARE, P1));

    RingstoreException failure = Outcomes.failure(forwarder.forward(PUT, plan(targets), TIMEOUT));

    assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(network.sentTo()).containsExactly(P2);
  }

  @Test
  void primariesBelievedDownAreTriedInOrderWhenNoneIsBelievedLive() {
    network.refuse(P1);
    List<Target> targets = List.of(Target.fallback(SPARE, P1));

    assertThat(forwarder.forward(PUT, plan(targets), TIMEOUT).join()).isEqualTo(answeredBy(P2));
    assertThat(network.sentTo()).containsExactly(P1, P2);
  }

  @Test
  void aConditionalPutReachingTheFirstLivePrimaryIsCoordinatedThere() {
    Response answer = forwardAhead(live(P2, P3), P2).join();

    assertThat(answer).isEqualTo(answeredBy(P2));
    assertThat(coordinatedHere).hasValue(1);
    assertThat(network.sentTo()).isEmpty();
  }

  @Test
  void aConditionalPutIsHandedToTheFirstLivePrimaryAheadOfIt() {
    Response answer = forwardAhead(live(P1, P2, P3), P3).join();

    assertThat(answer).isEqualTo(answeredBy(P1));
    assertThat(coordinatedHere).hasValue(0);
  }

  @Test
  void whenNoPrimaryAheadCanBeReachedTheConditionalPutIsCoordinatedHere() {
    network.refuse(P1);
    network.refuse(P2);

    assertThat(forwardAhead(live(P1, P2, P3), P3).join()).isEqualTo(answeredBy(P3));
    assertThat(network.sentTo()).containsExactly(P1, P2);
    assertThat(coordinatedHere).hasValue(1);
  }

  @Test
  void aPrimaryAheadThatTimesOutFailsTheConditionalPutInsteadOfCoordinatingItTwice() {
    network.timeOut(P1);

    assertThat(Outcomes.failure(forwardAhead(live(P1, P2, P3), P3)).code())
        .isEqualTo(ErrorCode.TIMEOUT);
    assertThat(coordinatedHere).hasValue(0);
  }

  private CompletableFuture<Response> forwardAhead(List<Target> targets, NodeId self) {
    return forwarder.forwardAhead(
        PUT,
        plan(targets),
        self,
        TIMEOUT,
        () -> {
          coordinatedHere.incrementAndGet();
          return CompletableFuture.completedFuture(answeredBy(self));
        });
  }

  private static ReplicaPlan plan(List<Target> targets) {
    return new ReplicaPlan(7, List.of(P1, P2, P3), targets, List.of(), List::of);
  }

  private static List<Target> live(NodeId... primaries) {
    return List.of(primaries).stream().map(Target::primary).toList();
  }

  private static Response answeredBy(NodeId node) {
    return Response.newBuilder()
        .setPut(PutResponse.newBuilder().setContext(ByteString.copyFrom(node.value(), UTF_8)))
        .build();
  }
}
