package io.dt4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonLockTest {

  @Test
  void secondDaemonOnAHomeIsRefusedNamingHomeAndPid(@TempDir Path dir) throws IOException {
    Dt4jHome home = Dt4jHome.choose(dir, null, null, "/u");
    DaemonLock lock = DaemonLock.acquire(home);
    try {
      long pid = ProcessHandle.current().pid();

      assertThat(Files.readString(home.lockFile()).strip()).isEqualTo(Long.toString(pid));
      assertThat(DaemonLock.isHeld(home)).isTrue();
      assertThatThrownBy(() -> DaemonLock.acquire(home))
          .isInstanceOf(DaemonRunningException.class)
          .hasMessage(
              "a dt4j daemon is already running on "
                  + dir
                  + " (pid "
                  + pid
                  + "): stop it first (kill "
                  + pid
                  + ") or start this one with another --home");
    } finally {
      lock.close();
    }
  }

  @Test
  void releasedLockCanBeTakenAgainAndIsNotHeld(@TempDir Path dir) {
    Dt4jHome home = Dt4jHome.choose(dir, null, null, "/u");
    DaemonLock.acquire(home).close();

    assertThat(DaemonLock.isHeld(home)).isFalse();
    DaemonLock.acquire(home).close();
  }

  @Test
  void homeWithoutALockFileIsNotHeld(@TempDir Path dir) {
    assertThat(DaemonLock.isHeld(Dt4jHome.choose(dir, null, null, "/u"))).isFalse();
  }
}
