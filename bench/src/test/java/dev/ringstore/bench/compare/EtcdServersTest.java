package dev.ringstore.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.bench.compare.EtcdServers.Member;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command lines etcd members are started with, and finding etcd on the PATH; no etcd runs. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EtcdServersTest {
  private static final List<Member> THREE =
      List.of(
          new Member("a", "10.0.0.1", 2379, 2380, List.of("ip", "netns", "exec", "ns1")),
          new Member("b", "10.0.0.2", 2379, 2380, List.of("ip", "netns", "exec", "ns2")),
          new Member("c", "10.0.0.3", 2379, 2380, List.of("ip", "netns", "exec", "ns3")));

  @Test
  void memberCommandAdvertisesItsOwnAddressesAndNamesEveryPeer() {
    List<String> argv = EtcdServers.command(THREE.get(1), THREE, Path.of("/data/b.etcd"), "tok");

    assertThat(argv.subList(0, 5)).containsExactly("ip", "netns", "exec", "ns2", "etcd");
    assertThat(argv)
        .contains(
            "--name=b",
            "--data-dir=/data/b.etcd",
            "--listen-client-urls=http://10.0.0.2:2379",
            "--advertise-client-urls=http://10.0.0.2:2379",
            "--listen-peer-urls=http://10.0.0.2:2380",
            "--initial-advertise-peer-urls=http://10.0.0.2:2380",
            "--initial-cluster=a=http://10.0.0.1:2380,b=http://10.0.0.2:2380,c=http://10.0.0.3:2380",
            "--initial-cluster-state=new",
            "--initial-cluster-token=tok",
            "--log-level=warn");
  }

  @Test
  void memberWithoutPrefixStartsEtcdDirectly() {
    List<Member> members = EtcdServers.loopbackMembers(1, 30000);
    List<String> argv =
        EtcdServers.command(members.get(0), members, Path.of("/d/etcd1.etcd"), "tok");
    assertThat(argv.get(0)).isEqualTo("etcd");
    assertThat(argv).contains("--initial-cluster=etcd1=http://127.0.0.1:30001");
  }

  @Test
  void loopbackMembersTakePortsInPairs() {
    assertThat(EtcdServers.loopbackMembers(3, 20000))
        .containsExactly(
            Member.loopback("etcd1", 20000, 20001),
            Member.loopback("etcd2", 20002, 20003),
            Member.loopback("etcd3", 20004, 20005));
  }

  @Test
  void memberNamesCannotBreakTheInitialClusterFlag() {
    assertThatThrownBy(() -> Member.loopback("a=b,c", 1, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void etcdIsFoundOnlyWhereAnExecutableNamedEtcdIs(@TempDir Path dir) throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Files.createFile(
        bin.resolve("etcd"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

    assertThat(EtcdServers.onPath(empty.toString())).isFalse();
    assertThat(EtcdServers.onPath(null)).isFalse();
    assertThat(EtcdServers.onPath(empty + File.pathSeparator + bin)).isTrue();
  }
}
