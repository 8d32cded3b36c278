package dev.ringstore.bench.ycsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RingstoreConnectionTest {
  @Test
  void caCertAndKeyTogetherTurnTlsOn() {
    Properties p = new Properties();
    p.setProperty("ringstore.ca", "/c/ca.crt");
    p.setProperty("ringstore.cert", "/c/admin.crt");
    p.setProperty("ringstore.key", "/c/admin.key");
    assertThat(RingstoreConnection.tls(p))
        .hasValueSatisfying(
            files ->
                assertThat(files)
                    .containsExactly(
                        Path.of("/c/ca.crt"), Path.of("/c/admin.crt"), Path.of("/c/admin.key")));
    assertThat(RingstoreConnection.tls(new Properties())).isEmpty();
  }

  @Test
  void aCertificateWithoutItsKeyIsRefusedBeforeAnyHandshake() {
    Properties p = new Properties();
    p.setProperty("ringstore.ca", "/c/ca.crt");
    p.setProperty("ringstore.cert", "/c/admin.crt");
    assertThatThrownBy(() -> RingstoreConnection.tls(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ringstore.key");
  }
}
