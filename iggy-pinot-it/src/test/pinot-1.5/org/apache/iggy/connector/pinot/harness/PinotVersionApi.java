package org.apache.iggy.connector.pinot.harness;

import java.io.File;
import java.util.Map;
import java.util.Set;
import org.apache.pinot.core.data.manager.realtime.RealtimeSegmentDataManager;
import org.apache.pinot.segment.local.realtime.impl.RealtimeSegmentStatsHistory;
import org.apache.pinot.spi.stream.ConsumerPartitionState;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamMetadataProvider;

/**
 * The few Pinot calls the tests make whose signature changed between Pinot versions, for Pinot 1.5. The Pinot 1.4
 * test module (iggy-pinot-it-pinot14) compiles its own class of this name instead.
 */
public final class PinotVersionApi {
  private PinotVersionApi() {
  }

  public static RealtimeSegmentStatsHistory statsHistory(File file) throws Exception {
    return RealtimeSegmentStatsHistory.deserializeFrom(file);
  }

  /** The consumer state of one partition that Pinot's lag gauges start from (the latest offset from provider). */
  public static Map<String, ConsumerPartitionState> consumerState(RealtimeSegmentDataManager manager,
      StreamMetadataProvider provider, int partition) {
    return manager.getConsumerPartitionState(provider.fetchLatestStreamOffset(Set.of(partition), 5000)
        .get(partition));
  }

  /** A stream metadata provider as the controller's lag and partition checks create it. */
  public static StreamMetadataProvider metadataProvider(StreamConsumerFactory factory, String clientId) {
    return factory.createStreamMetadataProvider(clientId, true);
  }
}
