package io.dt4j.libp2p.mux.yamux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Receive-window accounting and go-yamux style auto-tuning, with a fake clock. */
class YamuxReceiveWindowTest {
  private static final long KIB = 1024;
  private static final long MS = 1_000_000;

  @Test
  void grantsTheConsumedBytesOnceHalfTheWindowWasConsumed() {
    YamuxReceiveWindow window = new YamuxReceiveWindow(16 << 20, 0);
    assertTrue(window.tryReceive(200 * KIB));
    window.consumed(100 * KIB);
    assertEquals(0, window.takeUpdate(1000 * MS, 0), "below half the window");
    window.consumed(28 * KIB);
    assertEquals(128 * KIB, window.takeUpdate(1000 * MS, 0));
    assertEquals(256 * KIB - 72 * KIB, window.credit());
  }

  @Test
  void refusesDataBeyondTheCredit() {
    YamuxReceiveWindow window = new YamuxReceiveWindow(16 << 20, 0);
    assertTrue(window.tryReceive(256 * KIB));
    assertFalse(window.tryReceive(1));
  }

  @Test
  void doublesTheWindowWhenAReaderKeepsUpWithinFourRoundTrips() {
    YamuxReceiveWindow window = new YamuxReceiveWindow(1 << 20, 0);
    long rtt = 10 * MS;
    long now = 0;
    long expected = 256 * KIB;
    for (int round = 0; round < 5; round++) {
      long credit = window.credit();
      assertTrue(window.tryReceive(credit));
      window.consumed(credit);
      now += 20 * MS; // 2 RTTs per window: fast reader
      long delta = window.takeUpdate(now, rtt);
      expected = Math.min(expected * 2, 1 << 20);
      assertEquals(expected, window.window());
      assertEquals(window.window(), window.credit(), "everything consumed, all granted");
      assertTrue(delta >= credit);
    }
    assertEquals(1 << 20, window.window(), "capped at the maximum");
  }

  @Test
  void keepsTheWindowForASlowReaderOrAnUnknownRoundTrip() {
    YamuxReceiveWindow window = new YamuxReceiveWindow(16 << 20, 0);
    window.tryReceive(256 * KIB);
    window.consumed(256 * KIB);
    assertEquals(256 * KIB, window.takeUpdate(1 * MS, 0), "no RTT yet: no growth");
    window.tryReceive(256 * KIB);
    window.consumed(256 * KIB);
    assertEquals(256 * KIB, window.takeUpdate(500 * MS, 10 * MS), "slower than 4 RTTs");
    assertEquals(256 * KIB, window.window());
  }
}
