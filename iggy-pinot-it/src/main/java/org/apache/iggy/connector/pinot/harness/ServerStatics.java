package org.apache.iggy.connector.pinot.harness;

import org.apache.pinot.common.metrics.ServerMetrics;
import org.apache.pinot.core.data.manager.realtime.SegmentBuildTimeLeaseExtender;
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
}
