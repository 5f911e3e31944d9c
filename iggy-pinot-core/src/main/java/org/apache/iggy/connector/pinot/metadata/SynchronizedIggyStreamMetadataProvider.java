package org.apache.iggy.connector.pinot.metadata;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iggy.connector.pinot.client.IggyClients;
import org.apache.iggy.connector.pinot.config.IggyStreamConfig;
import org.apache.pinot.spi.stream.ConsumerPartitionState;
import org.apache.pinot.spi.stream.OffsetCriteria;
import org.apache.pinot.spi.stream.PartitionGroupConsumptionStatus;
import org.apache.pinot.spi.stream.PartitionGroupMetadata;
import org.apache.pinot.spi.stream.PartitionLagState;
import org.apache.pinot.spi.stream.StreamConfig;
import org.apache.pinot.spi.stream.StreamPartitionMsgOffset;

/**
 * The provider Pinot shares between threads ({@code createStreamMetadataProvider(clientId, true)}). The shared Iggy
 * client is thread-safe; serialising the calls keeps one provider from flooding the server when many threads ask
 * at once and makes {@link #close()} safe against calls in flight.
 */
public class SynchronizedIggyStreamMetadataProvider extends IggyStreamMetadataProvider {

  public SynchronizedIggyStreamMetadataProvider(String clientId, IggyStreamConfig config, IggyClients clients) {
    super(clientId, config, clients);
  }

  @Override
  public synchronized int fetchPartitionCount(long timeoutMillis) {
    return super.fetchPartitionCount(timeoutMillis);
  }

  @Override
  public synchronized Set<Integer> fetchPartitionIds(long timeoutMillis) {
    return super.fetchPartitionIds(timeoutMillis);
  }

  @Override
  public synchronized StreamPartitionMsgOffset fetchStreamPartitionOffset(OffsetCriteria criteria,
      long timeoutMillis) {
    return super.fetchStreamPartitionOffset(criteria, timeoutMillis);
  }

  @Override
  public synchronized Map<Integer, StreamPartitionMsgOffset> fetchLatestStreamOffset(Set<Integer> partitionIds,
      long timeoutMillis) {
    return super.fetchLatestStreamOffset(partitionIds, timeoutMillis);
  }

  @Override
  public synchronized List<PartitionGroupMetadata> computePartitionGroupMetadata(String clientId,
      StreamConfig streamConfig, List<PartitionGroupConsumptionStatus> currentStatuses, int timeoutMillis) {
    return super.computePartitionGroupMetadata(clientId, streamConfig, currentStatuses, timeoutMillis);
  }

  @Override
  public synchronized Map<String, PartitionLagState> getCurrentPartitionLagState(
      Map<String, ConsumerPartitionState> currentPartitionStateMap) {
    return super.getCurrentPartitionLagState(currentPartitionStateMap);
  }

  @Override
  public synchronized StreamPartitionMsgOffset getOffsetAtTimestamp(int partitionId, long timestampMillis,
      long timeoutMillis) {
    return super.getOffsetAtTimestamp(partitionId, timestampMillis, timeoutMillis);
  }

  @Override
  public synchronized List<TopicMetadata> getTopics() {
    return super.getTopics();
  }

  @Override
  public synchronized void close() {
    super.close();
  }
}
