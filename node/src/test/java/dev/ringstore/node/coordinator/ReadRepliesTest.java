package dev.ringstore.node.coordinator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReadRepliesTest {
  private static final Target FIRST = Target.primary(NodeId.of("n1"));
  private static final Target SECOND = Target.primary(NodeId.of("n2"));
  private static final Target THIRD = Target.primary(NodeId.of("n3"));
  private static final Target FALLBACK = Target.fallback(NodeId.of("n4"), NodeId.of("n3"));
  private static final DottedVersionVectorSet ABSENT = DottedVersionVectorSet.empty();
  private static final DottedVersionVectorSet OLD = write(ABSENT, "old", "n1");
  private static final DottedVersionVectorSet NEW = write(OLD, "new", "n1");
  private static final DottedVersionVectorSet CONCURRENT = write(ABSENT, "concurrent", "n2");

  @Test
  void concurrentVersionsFromTwoReplicasComeBackAsSiblingsOfOneSet() {
    ReadReplies replies = new ReadReplies(quorum(2, 0), 2);

    replies.replied(FIRST, NEW);
    replies.replied(SECOND, CONCURRENT);

    DottedVersionVectorSet merged = replies.quorum().join();
    assertThat(merged.values())
        .extracting(v -> new String(v, UTF_8))
        .containsExactlyInAnyOrder("new", "concurrent");
    assertThat(merged).isEqualTo(NEW.sync(CONCURRENT));
  }

  @Test
  void aStaleReplicasOlderVersionIsSupersededNotKeptAsASibling() {
    ReadReplies replies = new ReadReplies(quorum(2, 0), 2);

    replies.replied(FIRST, OLD);
    replies.replied(SECOND, NEW);

    assertThat(replies.quorum().join()).isEqualTo(NEW);
  }

  @Test
  void theReadAnswersAtTheRthReplyAndANotFoundCountsTowardR() {
    ReadReplies replies = new ReadReplies(quorum(2, 0), 3);

    replies.replied(FIRST, NEW);
    assertThat(replies.quorum()).isNotDone();

    replies.replied(SECOND, ABSENT);
    assertThat(replies.quorum().join()).isEqualTo(NEW);
    assertThat(replies.isOpen()).isFalse();
  }

  @Test
  void prCountsOnlyRepliesFromPrimaries() {
    ReadReplies replies = new ReadReplies(quorum(2, 2), 3);

    replies.replied(FALLBACK, NEW);
    replies.replied(FIRST, OLD);
    assertThat(replies.quorum()).as("r=2 met, one primary short of pr=2").isNotDone();

    replies.replied(SECOND, OLD);
    assertThat(replies.quorum().join()).isEqualTo(NEW);
  }

  @Test
  void whenEveryTargetAnsweredShortOfRItIsUnavailableSayingHowManyReplied() {
    ReadReplies replies = new ReadReplies(quorum(2, 0), 2);

    replies.replied(FIRST, NEW);
    replies.failed(SECOND, new RingstoreException(ErrorCode.UNAVAILABLE, "connection refused"));

    RingstoreException failure = Outcomes.failure(replies.quorum());
    assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(failure)
        .hasMessageContaining("1 of the 2 replies needed arrived")
        .hasMessageContaining("last failure from n2");
  }

  @Test
  void aReplicaThatTimedOutMakesTheFailureATimeout() {
    ReadReplies replies = new ReadReplies(quorum(2, 0), 2);

    replies.failed(FIRST, new RingstoreException(ErrorCode.TIMEOUT, "no answer in time"));
    replies.failed(SECOND, new RingstoreException(ErrorCode.UNAVAILABLE, "connection refused"));

    RingstoreException failure = Outcomes.failure(replies.quorum());
    assertThat(failure.code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(failure).hasMessageContaining("0 of the 2 replies needed arrived");
  }

  @Test
  void aTargetReplacedByAnotherKeepsTheReadOpenUntilTheReplacementAnswers() {
    ReadReplies replies = new ReadReplies(quorum(2, 0), 2);
    replies.replied(FIRST, NEW);

    replies.replaced();
    replies.failed(SECOND, new RingstoreException(ErrorCode.UNAVAILABLE, "connection refused"));
    assertThat(replies.quorum()).isNotDone();

    replies.replied(THIRD, NEW);
    assertThat(replies.quorum().join()).isEqualTo(NEW);
  }

  @Test
  void aDeadlineFailsAnUnansweredReadAsTimeoutAndSettlesWithTheRepliesSoFar() {
    ReadReplies replies = new ReadReplies(quorum(2, 0), 2);
    replies.replied(FIRST, OLD);

    replies.deadlinePassed();

    RingstoreException failure = Outcomes.failure(replies.quorum());
    assertThat(failure.code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(failure).hasMessageContaining("1 of the 2 replies needed arrived");
    assertThat(replies.settled().join()).isEqualTo(Map.of(FIRST, OLD));
  }

  @Test
  void settledHandsEachTargetsOwnReplySoTheStaleOnesCanBeRepaired() {
    ReadReplies replies = new ReadReplies(quorum(2, 0), 3);
    replies.replied(FIRST, NEW);
    replies.replied(SECOND, OLD);
    DottedVersionVectorSet answer = replies.quorum().join();
    assertThat(replies.settled()).as("the third target has not answered").isNotDone();

    replies.replied(THIRD, ABSENT);

    Map<Target, DottedVersionVectorSet> all = replies.settled().join();
    assertThat(all).isEqualTo(Map.of(FIRST, NEW, SECOND, OLD, THIRD, ABSENT));
    assertThat(all.entrySet().stream().filter(reply -> !reply.getValue().equals(answer)))
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder(SECOND, THIRD);
  }

  private static Quorum quorum(int r, int pr) {
    return new Quorum(3, r, pr, true, Duration.ofSeconds(1));
  }

  private static DottedVersionVectorSet write(
      DottedVersionVectorSet current, String value, String coordinator) {
    return current.update(
        current.context(), value.getBytes(UTF_8), 1_000, new ActorId(NodeId.of(coordinator), 1));
  }
}
