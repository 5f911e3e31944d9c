package org.apache.iggy.connector.pinot.harness;

import java.lang.reflect.Field;
import org.apache.helix.HelixManager;
import org.apache.pinot.common.metrics.ServerMetrics;
import org.apache.pinot.core.data.manager.realtime.SegmentBuildTimeLeaseExtender;
import org.apache.pinot.server.realtime.ControllerLeaderLocator;
import org.apache.pinot.spi.metrics.PinotMetricUtils;

/** The process-wide objects a Pinot server sets up before it consumes (Pinot keeps them in static singletons). */
public final class ServerStatics {
  public static final String INSTANCE_ID = "Server_localhost_8098";
  private static ServerMetrics metrics;

  private ServerStatics() {
  }

  /** Registers the server metrics (yammer) and the segment-build lease executor once per JVM. */
  public static synchronized ServerMetrics init(String tableNameWithType) {
    if (metrics == null) {
      metrics = new ServerMetrics(PinotMetricUtils.getPinotMetricsRegistry());
      ServerMetrics.register(metrics);
      SegmentBuildTimeLeaseExtender.initExecutor();
    }
    SegmentBuildTimeLeaseExtender.getOrCreate(INSTANCE_ID, metrics, tableNameWithType);
    return metrics;
  }

  /**
   * Points Pinot's controller-leader locator, which a server creates once per JVM, at this server's Helix connection.
   * A server restarted in the same JVM must not keep the locator of its disconnected predecessor: once that one's
   * cached leader is invalidated, every segment completion request would find no leader and hold forever.
   */
  public static synchronized void locateControllerLeaderWith(HelixManager helix) {
    try {
      Field instance = ControllerLeaderLocator.class.getDeclaredField("_instance");
      instance.setAccessible(true);
      instance.set(null, null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot replace Pinot's ControllerLeaderLocator for a restarted server", e);
    }
    ControllerLeaderLocator.create(helix);
  }
}
