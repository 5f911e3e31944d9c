package org.apache.iggy.connector.pinot.harness;

import java.io.File;
import java.util.Map;
import org.apache.pinot.core.data.manager.realtime.RealtimeSegmentDataManager;
import org.apache.pinot.segment.local.realtime.impl.RealtimeSegmentStatsHistory;
import org.apache.pinot.spi.stream.ConsumerPartitionState;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamMetadataProvider;

/** Pinot 1.4's form of the calls whose signature changed in 1.5 (see iggy-pinot-it's class of this name). */
public final class PinotVersionApi {
  private PinotVersionApi() {
  }

  public static RealtimeSegmentStatsHistory statsHistory(File file) throws Exception {
    return RealtimeSegmentStatsHistory.deserialzeFrom(file);
  }

  /** Pinot 1.4 fetches the latest upstream offset itself, through the segment's own metadata provider. */
  public static Map<String, ConsumerPartitionState> consumerState(RealtimeSegmentDataManager manager,
      StreamMetadataProvider provider, int partition) {
    return manager.getConsumerPartitionState();
  }

  /** A stream metadata provider as the controller's lag and partition checks create it. */
  public static StreamMetadataProvider metadataProvider(StreamConsumerFactory factory, String clientId) {
    return factory.createStreamMetadataProvider(clientId);
  }
}
