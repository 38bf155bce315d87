package io.dt4j.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.daemon.AdminToken;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API's access rules, decided without a network (remote addresses are documentation
 * ones).
 */
class AccessPolicyTest {
  @TempDir static Path dir;
  private static AdminToken token;

  @BeforeAll
  static void token() {
    token = AdminToken.loadOrCreate(dir.resolve("token"), new SecureRandom());
  }

  @Test
  void loopbackClientWithTheTokenIsServed() throws Exception {
    AccessPolicy policy = new AccessPolicy(token, false);

    assertThat(policy.check(InetAddress.getByName("127.0.0.1"), "Bearer " + token.value()))
        .isEqualTo(AccessPolicy.Decision.ALLOW);
    assertThat(policy.check(InetAddress.getByName("::1"), "bearer " + token.value()))
        .isEqualTo(AccessPolicy.Decision.ALLOW);
  }

  @Test
  void missingOrWrongTokenIsUnauthorized() throws Exception {
    AccessPolicy policy = new AccessPolicy(token, false);
    InetAddress loopback = InetAddress.getByName("127.0.0.1");

    assertThat(policy.check(loopback, null)).isEqualTo(AccessPolicy.Decision.UNAUTHORIZED);
    assertThat(policy.check(loopback, "Bearer ")).isEqualTo(AccessPolicy.Decision.UNAUTHORIZED);
    assertThat(policy.check(loopback, "Bearer " + "0".repeat(64)))
        .isEqualTo(AccessPolicy.Decision.UNAUTHORIZED);
    assertThat(policy.check(loopback, "Basic " + token.value()))
        .isEqualTo(AccessPolicy.Decision.UNAUTHORIZED);
  }

  @Test
  void nonLoopbackClientIsForbiddenByDefaultEvenWithTheToken() throws Exception {
    AccessPolicy policy = new AccessPolicy(token, false);

    assertThat(policy.check(InetAddress.getByName("192.0.2.7"), "Bearer " + token.value()))
        .isEqualTo(AccessPolicy.Decision.FORBIDDEN);
    assertThat(policy.check(InetAddress.getByName("2001:db8::7"), null))
        .isEqualTo(AccessPolicy.Decision.FORBIDDEN);
    assertThat(policy.check(null, "Bearer " + token.value()))
        .isEqualTo(AccessPolicy.Decision.FORBIDDEN);
  }

  @Test
  void allowRemoteServesOtherAddressesButStillWantsTheToken() throws Exception {
    AccessPolicy policy = new AccessPolicy(token, true);
    InetAddress remote = InetAddress.getByName("192.0.2.7");

    assertThat(policy.check(remote, "Bearer " + token.value()))
        .isEqualTo(AccessPolicy.Decision.ALLOW);
    assertThat(policy.check(remote, null)).isEqualTo(AccessPolicy.Decision.UNAUTHORIZED);
  }
}
