package dev.ringstore.testhosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NetworkLayoutTest {
  private final NetworkLayout layout = new NetworkLayout("bench", List.of("s1", "s2", "c1"));

  @Test
  void namespacesAreTheNetworkNameDashHostAndASwitch() {
    assertThat(layout.namespace("s2")).isEqualTo("bench-s2");
    assertThat(layout.switchNamespace()).isEqualTo("bench-sw");
  }

  @Test
  void hostsGetConsecutiveAddressesInTheBenchmarkingRange() {
    assertThat(layout.address("s1").getHostAddress()).isEqualTo("198.18.0.1");
    assertThat(layout.cidr("c1")).isEqualTo("198.18.0.3/24");
  }

  @Test
  void allTwoHundredFiftyFourHostsStayInside198_18_0_0_24() {
    List<String> hosts = IntStream.range(0, 254).mapToObj(i -> "h" + i).toList();
    NetworkLayout big = new NetworkLayout("big", hosts);
    assertThat(big.address("h0").getHostAddress()).isEqualTo("198.18.0.1");
    assertThat(big.address("h253").getHostAddress()).isEqualTo("198.18.0.254");
    assertThatThrownBy(
            () ->
                new NetworkLayout(
                    "big", List.of(hosts, List.of("h254")).stream().flatMap(List::stream).toList()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void interfaceNamesFitTheKernelsFifteenCharacters() {
    NetworkLayout big =
        new NetworkLayout("abcdefghijkl", IntStream.range(0, 254).mapToObj(i -> "h" + i).toList());
    big.hosts().forEach(host -> assertThat(big.port(host)).hasSizeLessThanOrEqualTo(15));
    assertThat(NetworkLayout.bridge(253)).hasSizeLessThanOrEqualTo(15);
  }

  @Test
  void macsAreLocallyAdministeredAndDistinct() {
    assertThat(layout.hostMac("c1")).isEqualTo("02:c6:12:00:00:03");
    assertThat(layout.portMac("c1")).isEqualTo("02:c6:12:01:00:03");
  }

  @Test
  void ownsExactlyTheNamespacesItsNameWouldMake() {
    assertThat(layout.owns("bench-sw")).isTrue();
    assertThat(layout.owns("bench-s9")).isTrue();
    assertThat(layout.owns("benchx-s1")).isFalse();
    assertThat(layout.owns("bench-")).isFalse();
    assertThat(layout.owns("other")).isFalse();
  }

  @Test
  void rejectsNamesThatCouldCollide() {
    assertThatThrownBy(() -> new NetworkLayout("a-b", List.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NetworkLayout("n", List.of("sw")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NetworkLayout("n", List.of("a", "a")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NetworkLayout("n", List.of("A")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> layout.address("nope")).isInstanceOf(IllegalArgumentException.class);
  }
}
