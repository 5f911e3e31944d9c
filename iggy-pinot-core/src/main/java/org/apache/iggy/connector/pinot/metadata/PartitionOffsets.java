package org.apache.iggy.connector.pinot.metadata;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.iggy.connector.pinot.client.IggyClient;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.apache.iggy.connector.pinot.client.PartitionMetadata;
import org.apache.iggy.connector.pinot.client.PollStart;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.pinot.spi.stream.OffsetCriteria;
import org.apache.pinot.spi.utils.TimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves Pinot offset criteria to Iggy offsets for one topic. Iggy has no "earliest offset" call, so the first
 * retained offset comes from polling the first message; "largest" is the offset the next message will get.
 */
public final class PartitionOffsets {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionOffsets.class);

  private final IggyClient _client;
  private final TopicRef _topic;

  public PartitionOffsets(IggyClient client, TopicRef topic) {
    _client = client;
    _topic = topic;
  }

  /** The offset where the criteria start reading the partition. */
  public long resolve(OffsetCriteria criteria, PartitionMetadata partition, Duration timeout) {
    if (criteria.isSmallest()) {
      return smallest(partition, timeout);
    }
    if (criteria.isLargest()) {
      return partition.nextOffset();
    }
    long startMillis;
    if (criteria.isPeriod()) {
      startMillis = System.currentTimeMillis() - TimeUtils.convertPeriodToMillis(criteria.getOffsetString());
    } else if (criteria.isTimestamp()) {
      startMillis = TimeUtils.convertTimestampToMillis(criteria.getOffsetString());
    } else {
      throw new IllegalArgumentException("Unsupported offset criteria '" + criteria.getOffsetString()
          + "' (allowed: smallest, largest, a period such as 2d, or a timestamp)");
    }
    Long offset = atOrAfter(partition.id(), startMillis, timeout);
    if (offset == null) {
      LOG.warn("No message at or after {} in partition {} of {}: starting at the latest offset {}", startMillis,
          partition.id(), _topic, partition.nextOffset());
      return partition.nextOffset();
    }
    return offset;
  }

  /** The first retained offset, or the next offset when the partition holds no message. */
  public long smallest(PartitionMetadata partition, Duration timeout) {
    List<PolledMessage> first = _client.poll(_topic, partition.id(), PollStart.first(), 1, timeout).messages();
    return first.isEmpty() ? partition.nextOffset() : first.get(0).offset();
  }

  /** The offset of the first message stored at or after a time, or null when there is none. */
  public Long atOrAfter(int iggyPartitionId, long timestampMillis, Duration timeout) {
    long micros = TimeUnit.MILLISECONDS.toMicros(Math.max(0, timestampMillis));
    List<PolledMessage> records = _client.poll(_topic, iggyPartitionId, PollStart.timestampMicros(micros), 1,
        timeout).messages();
    return records.isEmpty() ? null : records.get(0).offset();
  }
}
