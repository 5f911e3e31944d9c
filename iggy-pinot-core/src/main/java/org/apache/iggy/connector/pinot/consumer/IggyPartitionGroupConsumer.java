package org.apache.iggy.connector.pinot.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iggy.connector.pinot.client.IggyClientHandle;
import org.apache.iggy.connector.pinot.client.IggyRecord;
import org.apache.iggy.connector.pinot.client.PartitionMetadata;
import org.apache.iggy.connector.pinot.client.PollStart;
import org.apache.iggy.connector.pinot.client.PolledBatch;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.iggy.connector.pinot.config.IggyStreamConfig;
import org.apache.iggy.connector.pinot.metadata.PartitionIdMapping;
import org.apache.pinot.spi.stream.BytesStreamMessage;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.MessageBatch;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.StreamPartitionMsgOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one Iggy partition for one consuming segment. Every fetch polls by explicit offset as a standalone consumer
 * without auto-commit, so the same start offset always yields the same messages and Pinot's checkpoints stay the only
 * truth. Errors are never turned into empty batches.
 */
public class IggyPartitionGroupConsumer implements PartitionGroupConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(IggyPartitionGroupConsumer.class);

  private final String _clientId;
  private final IggyStreamConfig _config;
  private final IggyClientHandle _client;
  private final TopicRef _topic;
  private final int _iggyPartitionId;
  private final IggyMessageMetadata _metadata;
  private final ConsumerProgressMirror _progressMirror;
  private final AtomicBoolean _closed = new AtomicBoolean();
  private long _loggedResetAt = -1;

  public IggyPartitionGroupConsumer(String clientId, IggyStreamConfig config, IggyClientHandle client,
      int pinotPartitionId) {
    _clientId = clientId;
    _config = config;
    _client = client;
    _topic = new TopicRef(config.stream(), config.topic());
    _iggyPartitionId = PartitionIdMapping.toIggy(pinotPartitionId);
    _metadata = new IggyMessageMetadata(config.metadataPopulate(), _iggyPartitionId);
    _progressMirror = new ConsumerProgressMirror(client, _topic, _iggyPartitionId, config.consumerGroup(),
        Duration.ofMillis(config.connection().requestTimeoutMillis()));
  }

  /** Opens the connection now instead of on the first fetch. */
  public void connect(Duration timeout) {
    _client.connect(timeout);
  }

  @Override
  public synchronized MessageBatch<byte[]> fetchMessages(StreamPartitionMsgOffset startOffset, int timeoutMs) {
    long start = ((LongMsgOffset) startOffset).getOffset();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    PolledBatch polled = _client.poll(_topic, _iggyPartitionId, PollStart.offset(start), _config.pollBatchSize(),
        remaining(deadline));
    if (polled.records().isEmpty() && isBeyondEnd(start, polled, deadline)) {
      PolledBatch fromFirst = _client.poll(_topic, _iggyPartitionId, PollStart.first(), _config.pollBatchSize(),
          remaining(deadline));
      if (_loggedResetAt != start) {
        _loggedResetAt = start;
        LOG.error("[{}] Requested offset {} of partition {} of {} is beyond the partition's end (last offset {}): the "
            + "topic was purged or re-created. Resuming at the first retained offset {} and reporting data loss",
            _clientId, start, _iggyPartitionId, _topic, polled.currentOffset(),
            fromFirst.records().isEmpty() ? "(none yet, waiting for new messages)" : fromFirst.records().get(0)
                .offset());
      }
      return batch(start, fromFirst.records(), !fromFirst.records().isEmpty());
    }
    boolean dataLoss = !polled.records().isEmpty() && polled.records().get(0).offset() > start;
    if (dataLoss) {
      LOG.warn("[{}] Offsets {} to {} of partition {} of {} were deleted by retention before Pinot consumed them",
          _clientId, start, polled.records().get(0).offset() - 1, _iggyPartitionId, _topic);
    }
    return batch(start, polled.records(), dataLoss);
  }

  /**
   * True when the requested offset lies beyond the offset the next message will get. An empty poll answer with last
   * offset 0 is ambiguous (empty partition, or one message at offset 0), so that one case asks for the message count.
   */
  private boolean isBeyondEnd(long start, PolledBatch polled, long deadline) {
    if (start > polled.currentOffset() + 1) {
      return true;
    }
    if (start == 1 && polled.currentOffset() == 0) {
      PartitionMetadata partition = _client.fetchTopic(_topic, remaining(deadline)).partition(_iggyPartitionId);
      return partition != null && partition.nextOffset() == 0;
    }
    return false;
  }

  private MessageBatch<byte[]> batch(long start, List<IggyRecord> records, boolean dataLoss) {
    List<BytesStreamMessage> messages = new ArrayList<>(records.size());
    long sizeInBytes = 0;
    for (IggyRecord record : records) {
      messages.add(new BytesStreamMessage(null, record.payload(), _metadata.of(record)));
      sizeInBytes += record.payload().length;
    }
    long next = records.isEmpty() ? start : records.get(records.size() - 1).offset() + 1;
    LOG.debug("[{}] Fetched {} messages from offset {} of partition {} of {}", _clientId, messages.size(), start,
        _iggyPartitionId, _topic);
    return new IggyMessageBatch(messages, next, sizeInBytes, dataLoss);
  }

  @Override
  public StreamPartitionMsgOffset checkpoint(StreamPartitionMsgOffset lastOffset) {
    _progressMirror.publish(lastOffset);
    return lastOffset;
  }

  @Override
  public void close() {
    if (_closed.compareAndSet(false, true)) {
      _client.close();
    }
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadline - System.nanoTime()));
  }
}
