package io.dt4j.core.manager.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dt4j.api.EventCode;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private final ScheduledThreadPoolExecutor executor = newExecutor();

  private static ScheduledThreadPoolExecutor newExecutor() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  @AfterEach
  void shutDown() throws InterruptedException {
    executor.shutdownNow();
    assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aScheduledExecutorRunsTasksOnItsOwnThreads() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    Thread caller = Thread.currentThread();
    AtomicBoolean onCaller = new AtomicBoolean(true);

    Scheduler.of(executor)
        .schedule(
            Duration.ZERO,
            () -> {
              onCaller.set(Thread.currentThread() == caller);
              ran.countDown();
            });

    assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(onCaller).isFalse();
  }

  @Test
  void aCancelledTaskNeverRuns() {
    AtomicBoolean ran = new AtomicBoolean();

    Scheduler.of(executor).schedule(Duration.ofHours(1), () -> ran.set(true)).cancel();

    assertThat(executor.getQueue()).isEmpty();
    assertThat(ran).isFalse();
  }

  @Test
  void aTaskOfferedAfterShutdownIsDropped() {
    executor.shutdown();

    Scheduler.Cancellable handle = Scheduler.of(executor).schedule(Duration.ZERO, () -> {});

    handle.cancel(); // no exception either way
  }

  @Test
  void theMonitorRestartsAChannelOnARealExecutor() {
    ManualScheduler clockForLabels = new ManualScheduler();
    RecordingTarget target = new RecordingTarget(clockForLabels);
    MonitorConfig config =
        MonitorConfig.builder()
            .restartDebounce(Duration.ofMillis(10))
            .restartBackoff(Duration.ZERO)
            .noDataRateCheck()
            .build();
    try (ChannelMonitor monitor = new ChannelMonitor(config, target, Scheduler.of(executor))) {
      DrivenChannel channel = new DrivenChannel(monitor, MonitorFixtures.push(1)).watched();
      channel.fire(EventCode.ACCEPT);

      channel.fail(EventCode.SEND_DATA_ERROR, "stream reset");

      await().atMost(Duration.ofSeconds(5)).until(() -> target.calls().contains("0s restart 1"));
    }
  }
}
