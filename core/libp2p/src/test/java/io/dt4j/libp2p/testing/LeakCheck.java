package io.dt4j.libp2p.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails the test class if Netty's leak detector reported a leaked buffer while it ran. Surefire
 * sets {@code -Dio.netty.leakDetection.level=paranoid}, so every buffer is tracked.
 */
public final class LeakCheck implements BeforeAllCallback, AfterAllCallback {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @Override
  public void beforeAll(ExtensionContext context) {
    appender.start();
    ((Logger) LoggerFactory.getLogger(ResourceLeakDetector.class)).addAppender(appender);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
      // leak reports are emitted when a tracked buffer is allocated after the leaked one was GC'd
      for (int j = 0; j < 100; j++) {
        ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(16);
        probe.release();
        ByteBuf heap = PooledByteBufAllocator.DEFAULT.heapBuffer(16);
        heap.release();
      }
    }
    ((Logger) LoggerFactory.getLogger(ResourceLeakDetector.class)).detachAppender(appender);
    assertThat(appender.list)
        .as("Netty LEAK reports")
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.contains("LEAK"));
  }
}
