package org.apache.iggy.connector.pinot.metadata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iggy.connector.pinot.client.IggyClient;
import org.apache.iggy.connector.pinot.client.IggyClients;
import org.apache.iggy.connector.pinot.client.FailureKind;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.apache.iggy.connector.pinot.client.PartitionMetadata;
import org.apache.iggy.connector.pinot.client.TopicDescription;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.iggy.connector.pinot.config.IggyStreamConfig;
import org.apache.pinot.spi.stream.ConsumerPartitionState;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.OffsetCriteria;
import org.apache.pinot.spi.stream.PartitionGroupConsumptionStatus;
import org.apache.pinot.spi.stream.PartitionGroupMetadata;
import org.apache.pinot.spi.stream.PartitionLagState;
import org.apache.pinot.spi.stream.PermanentConsumerException;
import org.apache.pinot.spi.stream.StreamConfig;
import org.apache.pinot.spi.stream.StreamMetadataProvider;
import org.apache.pinot.spi.stream.StreamPartitionMsgOffset;
import org.apache.pinot.spi.stream.TransientConsumerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partitions, offsets and lag of one Iggy topic. A partition-level provider (created for one partition) also resolves
 * offset criteria; a stream-level provider refuses that with a clear error. Every call reads fresh metadata from Iggy
 * with one topic request, so it is cheap and never stale.
 */
public class IggyStreamMetadataProvider implements StreamMetadataProvider {
  private static final Logger LOG = LoggerFactory.getLogger(IggyStreamMetadataProvider.class);
  private static final int STREAM_LEVEL = -1;

  private final String _clientId;
  private final IggyClients _clients;
  private final IggyClient _client;
  private final TopicRef _topic;
  private final int _iggyPartitionId;
  private final PartitionOffsets _offsets;
  private final Duration _timeout;
  private final AtomicBoolean _closed = new AtomicBoolean();

  /** A stream-level provider. */
  public IggyStreamMetadataProvider(String clientId, IggyStreamConfig config, IggyClients clients) {
    this(clientId, config, clients, STREAM_LEVEL);
  }

  /** A provider for one partition of the topic, by the topic's own partition id (see {@link PartitionIdMapping}). */
  public IggyStreamMetadataProvider(String clientId, IggyStreamConfig config, IggyClients clients,
      int streamPartitionId) {
    _clientId = clientId;
    _topic = new TopicRef(config.stream(), config.topic());
    _iggyPartitionId = streamPartitionId == STREAM_LEVEL ? STREAM_LEVEL : PartitionIdMapping.toIggy(streamPartitionId);
    _clients = clients;
    _client = clients.shared(config.connection());
    _offsets = new PartitionOffsets(_client, _topic);
    _timeout = Duration.ofMillis(config.connection().requestTimeoutMillis());
  }

  @Override
  public int fetchPartitionCount(long timeoutMillis) {
    return topic(timeoutMillis).partitions().size();
  }

  @Override
  public Set<Integer> fetchPartitionIds(long timeoutMillis) {
    Set<Integer> ids = new TreeSet<>();
    for (PartitionMetadata partition : topic(timeoutMillis).partitions()) {
      ids.add(PartitionIdMapping.toPinot(partition.id()));
    }
    return ids;
  }

  @Override
  public StreamPartitionMsgOffset fetchStreamPartitionOffset(OffsetCriteria criteria, long timeoutMillis) {
    if (_iggyPartitionId == STREAM_LEVEL) {
      throw new UnsupportedOperationException("fetchStreamPartitionOffset needs a partition-level Iggy metadata "
          + "provider (createPartitionMetadataProvider); this one serves the whole topic " + _topic);
    }
    Duration timeout = Duration.ofMillis(timeoutMillis);
    PartitionMetadata partition = partition(topic(timeoutMillis), _iggyPartitionId);
    return new LongMsgOffset(_offsets.resolve(criteria, partition, timeout));
  }

  /**
   * The latest offsets of the partitions that exist; a partition that does not (deleted, or not created yet) is left
   * out, as Pinot's Kafka plugin does, so that one missing partition does not fail the lag of the whole table.
   */
  @Override
  public Map<Integer, StreamPartitionMsgOffset> fetchLatestStreamOffset(Set<Integer> partitionIds,
      long timeoutMillis) {
    TopicDescription topic = topic(timeoutMillis);
    Map<Integer, StreamPartitionMsgOffset> latest = new HashMap<>();
    for (int pinotPartitionId : partitionIds) {
      PartitionMetadata partition = topic.partition(PartitionIdMapping.toIggy(pinotPartitionId));
      if (partition == null) {
        LOG.debug("[{}] Iggy partition {} of {} does not exist (live partitions: {}): no latest offset", _clientId,
            pinotPartitionId, _topic, fetchIds(topic));
      } else {
        latest.put(pinotPartitionId, new LongMsgOffset(partition.nextOffset()));
      }
    }
    return latest;
  }

  @Override
  public List<PartitionGroupMetadata> computePartitionGroupMetadata(String clientId, StreamConfig streamConfig,
      List<PartitionGroupConsumptionStatus> currentStatuses, int timeoutMillis) {
    try {
      Duration timeout = Duration.ofMillis(timeoutMillis);
      TopicDescription topic = topic(timeoutMillis);
      Map<Integer, PartitionGroupConsumptionStatus> statusByPartition = new HashMap<>();
      for (PartitionGroupConsumptionStatus status : currentStatuses) {
        statusByPartition.put(status.getStreamPartitionGroupId(), status);
      }
      OffsetCriteria criteria = streamConfig.getOffsetCriteria();
      List<PartitionGroupMetadata> groups = new ArrayList<>();
      for (PartitionMetadata partition : topic.partitions()) {
        int pinotPartitionId = PartitionIdMapping.toPinot(partition.id());
        PartitionGroupConsumptionStatus status = statusByPartition.get(pinotPartitionId);
        StreamPartitionMsgOffset start = status != null ? status.getEndOffset()
            : new LongMsgOffset(_offsets.resolve(criteria, partition, timeout));
        groups.add(new PartitionGroupMetadata(pinotPartitionId, start));
      }
      return groups;
    } catch (TransientConsumerException | PermanentConsumerException | IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw IggyErrors.transientError(IggyErrors.kindOf(e), "cannot compute the partition groups of " + _topic + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, PartitionLagState> getCurrentPartitionLagState(
      Map<String, ConsumerPartitionState> currentPartitionStateMap) {
    Map<String, PartitionLagState> lag = new LinkedHashMap<>();
    for (Map.Entry<String, ConsumerPartitionState> entry : currentPartitionStateMap.entrySet()) {
      lag.put(entry.getKey(), IggyPartitionLagState.of(entry.getValue()));
    }
    return lag;
  }

  @Override
  public StreamPartitionMsgOffset getOffsetAtTimestamp(int partitionId, long timestampMillis, long timeoutMillis) {
    try {
      Long offset = _offsets.atOrAfter(PartitionIdMapping.toIggy(partitionId), timestampMillis,
          Duration.ofMillis(timeoutMillis));
      return offset == null ? null : new LongMsgOffset(offset);
    } catch (RuntimeException e) {
      LOG.warn("[{}] Cannot find the offset at {} in partition {} of {}: {}", _clientId, timestampMillis, partitionId,
          _topic, e.getMessage());
      return null;
    }
  }

  /** The topics of the configured Iggy stream, with the names Iggy reports. */
  @Override
  public List<TopicMetadata> getTopics() {
    List<TopicMetadata> topics = new ArrayList<>();
    for (String name : _client.fetchTopicNames(_topic.stream(), _timeout)) {
      topics.add(() -> name);
    }
    return topics;
  }

  @Override
  public boolean supportsOffsetLag() {
    return true;
  }

  @Override
  public void close() {
    if (_closed.compareAndSet(false, true)) {
      _clients.release(_client);
    }
  }

  /** The topic this provider serves. */
  public TopicRef topicRef() {
    return _topic;
  }

  private TopicDescription topic(long timeoutMillis) {
    return _client.fetchTopic(_topic, Duration.ofMillis(timeoutMillis));
  }

  private PartitionMetadata partition(TopicDescription topic, int iggyPartitionId) {
    PartitionMetadata partition = topic.partition(iggyPartitionId);
    if (partition == null) {
      throw IggyErrors.permanentError(FailureKind.NOT_FOUND, "Iggy partition " + iggyPartitionId + " not found in "
          + _topic + " (live partitions: " + fetchIds(topic) + ")", null);
    }
    return partition;
  }

  private static Set<Integer> fetchIds(TopicDescription topic) {
    Set<Integer> ids = new TreeSet<>();
    topic.partitions().forEach(p -> ids.add(p.id()));
    return ids;
  }
}
