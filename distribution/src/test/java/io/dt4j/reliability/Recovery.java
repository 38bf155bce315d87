package io.dt4j.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a pull to move again after a fault: first on its own (the channel monitor), then with
 * {@code RestartDataTransfer} from the puller, and says how long recovery took.
 */
final class Recovery {
  private final TransferPair pair;
  private final String channel;
  private int manualRestarts;
  private Duration worst = Duration.ZERO;

  Recovery(TransferPair pair, String channel) {
    this.pair = pair;
    this.channel = channel;
  }

  int manualRestarts() {
    return manualRestarts;
  }

  Duration worst() {
    return worst;
  }

  /** Waits until the puller's channel grows past {@code before} or ends. */
  void await(Instant faultAt, long before, Duration selfHealing, Duration budget) throws Exception {
    Instant deadline = faultAt.plus(budget);
    Instant nudgeAt = Instant.now().plus(selfHealing);
    while (Instant.now().isBefore(deadline)) {
      JsonNode seen = pair.pullerChannel();
      if (seen != null
          && (seen.get("received").asLong() > before
              || TransferPair.isFinal(seen.get("status").asText()))) {
        Duration took = Duration.between(faultAt, Instant.now());
        worst = took.compareTo(worst) > 0 ? took : worst;
        return;
      }
      if (seen != null && Instant.now().isAfter(nudgeAt)) {
        restart();
        nudgeAt = Instant.now().plus(selfHealing);
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new AssertionError(
        "no progress past " + before + " bytes within " + budget + ": " + pair.pullerChannel());
  }

  /** {@code dt4j channel restart} through the admin API; a refusal is printed, not fatal. */
  void restart() {
    try {
      pair.puller.post("RestartDataTransfer", Map.of("channel", channel));
      manualRestarts++;
    } catch (Exception e) {
      System.out.println("restart refused: " + e.getMessage());
    }
  }
}
