package dev.ringstore.node.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WriteAcksTest {
  private static final NodeId COORDINATOR = NodeId.of("n1");
  private static final Target SECOND = Target.primary(NodeId.of("n2"));
  private static final Target THIRD = Target.primary(NodeId.of("n3"));
  private static final NodeId SPARE = NodeId.of("n4");
  private static final RingstoreException REFUSED =
      new RingstoreException(ErrorCode.UNAVAILABLE, "connection refused");
  private static final RingstoreException SLOW =
      new RingstoreException(ErrorCode.TIMEOUT, "no answer in time");

  @Test
  void theCoordinatorsOwnWriteCountsSoW1IsMetBeforeAnyReplicaAnswers() {
    WriteAcks acks = new WriteAcks(quorum(1, 0), COORDINATOR, 2);

    assertThat(acks.quorum()).isCompleted();
    assertThat(acks.settled()).as("the replicas have not answered yet").isNotDone();
  }

  @Test
  void theQuorumIsMetAtTheWthAcknowledgementAndNotBefore() {
    WriteAcks acks = new WriteAcks(quorum(3, 0), COORDINATOR, 2);

    acks.acknowledged(SECOND);
    assertThat(acks.quorum()).isNotDone();
    assertThat(acks.isOpen()).isTrue();

    acks.acknowledged(THIRD);
    assertThat(acks.quorum()).isCompleted();
    assertThat(acks.isOpen()).isFalse();
  }

  @Test
  void aFallbacksAcknowledgementCountsTowardWButNotTowardPw() {
    WriteAcks acks = new WriteAcks(quorum(2, 2), COORDINATOR, 2);

    acks.acknowledged(Target.fallback(SPARE, THIRD.node()));
    assertThat(acks.quorum()).as("w=2 met, one primary short of pw=2").isNotDone();

    acks.acknowledged(SECOND);
    assertThat(acks.quorum()).isCompleted();
  }

  @Test
  void whenEveryTargetAnsweredShortOfWItIsUnavailableSayingHowManyArrivedAndWhy() {
    WriteAcks acks = new WriteAcks(quorum(3, 0), COORDINATOR, 2);

    acks.acknowledged(SECOND);
    acks.failed(THIRD, REFUSED);

    RingstoreException failure = Outcomes.failure(acks.quorum());
    assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(failure)
        .hasMessageContaining("2 of the 3 acknowledgements needed arrived")
        .hasMessageContaining("last failure from n3")
        .hasMessageContaining("connection refused");
  }

  @Test
  void aReplicaThatTimedOutMakesTheFailureATimeout() {
    WriteAcks acks = new WriteAcks(quorum(3, 0), COORDINATOR, 2);

    acks.failed(SECOND, SLOW);
    acks.failed(THIRD, REFUSED);

    RingstoreException failure = Outcomes.failure(acks.quorum());
    assertThat(failure.code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(failure).hasMessageContaining("1 of the 3 acknowledgements needed arrived");
  }

  @Test
  void settledWaitsForEveryTargetAndNamesThePrimariesReachedDirectlyOrThroughAFallback() {
    WriteAcks acks = new WriteAcks(quorum(2, 0), COORDINATOR, 2);

    acks.acknowledged(Target.fallback(SPARE, SECOND.node()));
    assertThat(acks.quorum()).isCompleted();
    assertThat(acks.settled()).as("the third primary has not answered").isNotDone();

    acks.failed(THIRD, REFUSED);
    assertThat(acks.settled().join()).containsExactlyInAnyOrder(COORDINATOR, SECOND.node());
  }

  @Test
  void aTargetReplacedByAFallbackKeepsTheWriteOpenUntilTheFallbackAnswers() {
    WriteAcks acks = new WriteAcks(quorum(3, 0), COORDINATOR, 2);
    acks.acknowledged(THIRD);

    acks.replaced();
    acks.failed(SECOND, REFUSED);
    assertThat(acks.quorum()).as("the fallback may still acknowledge").isNotDone();

    acks.acknowledged(Target.fallback(SPARE, SECOND.node()));
    assertThat(acks.quorum()).isCompleted();
    assertThat(acks.settled().join()).contains(SECOND.node()).doesNotContain(SPARE);
  }

  @Test
  void aDeadlineFailsAnUndecidedWriteAsTimeoutAndSettlesWithWhoWasReached() {
    WriteAcks acks = new WriteAcks(quorum(3, 0), COORDINATOR, 2);
    acks.acknowledged(SECOND);

    acks.deadlinePassed();
    acks.acknowledged(THIRD);

    RingstoreException failure = Outcomes.failure(acks.quorum());
    assertThat(failure.code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(failure).hasMessageContaining("2 of the 3 acknowledgements needed arrived");
    assertThat(acks.settled().join()).containsExactlyInAnyOrder(COORDINATOR, SECOND.node());
  }

  @Test
  void aDeadlineAfterTheQuorumWasMetDoesNotUndoTheAnswer() {
    WriteAcks acks = new WriteAcks(quorum(2, 0), COORDINATOR, 2);
    acks.acknowledged(SECOND);

    acks.deadlinePassed();

    assertThat(acks.quorum()).isCompleted();
    assertThat(acks.settled().join()).doesNotContain(THIRD.node());
  }

  private static Quorum quorum(int w, int pw) {
    return new Quorum(3, w, pw, true, Duration.ofSeconds(1));
  }
}
