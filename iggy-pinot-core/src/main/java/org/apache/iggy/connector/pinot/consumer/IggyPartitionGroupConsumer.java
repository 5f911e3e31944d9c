package org.apache.iggy.connector.pinot.consumer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iggy.connector.pinot.client.IggyClient;
import org.apache.iggy.connector.pinot.client.IggyClients;
import org.apache.iggy.connector.pinot.client.PartitionMetadata;
import org.apache.iggy.connector.pinot.client.PollRequest;
import org.apache.iggy.connector.pinot.client.PollStart;
import org.apache.iggy.connector.pinot.client.PolledBatch;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.iggy.connector.pinot.config.IggyStreamConfig;
import org.apache.iggy.connector.pinot.metadata.PartitionIdMapping;
import org.apache.iggy.connector.pinot.reader.PartitionReader;
import org.apache.iggy.connector.pinot.reader.Prefetch;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.MessageBatch;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.StreamPartitionMsgOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one Iggy partition for one consuming segment, through a {@link PartitionReader} on a client of its own.
 * Every fetch polls by explicit offset as a standalone consumer without auto-commit, so the same start offset always
 * yields the same messages and Pinot's checkpoints stay the only truth. Errors are never turned into empty batches.
 */
public class IggyPartitionGroupConsumer implements PartitionGroupConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(IggyPartitionGroupConsumer.class);

  private final String _clientId;
  private final IggyStreamConfig _config;
  private final IggyClients _clients;
  private final IggyClient _client;
  private final TopicRef _topic;
  private final int _iggyPartitionId;
  private final PartitionReader _reader;
  private final IggyMessageMetadata _metadata;
  private final ConsumerProgressMirror _progressMirror;
  private final AtomicBoolean _closed = new AtomicBoolean();
  private long _loggedResetAt = -1;

  /** A consumer of Pinot stream partition {@code pinotPartitionId}, on a client lent by {@code clients}. */
  public IggyPartitionGroupConsumer(String clientId, IggyStreamConfig config, IggyClients clients,
      int pinotPartitionId) {
    _clientId = clientId;
    _config = config;
    _topic = new TopicRef(config.stream(), config.topic());
    _iggyPartitionId = PartitionIdMapping.toIggy(pinotPartitionId);
    _clients = clients;
    Prefetch prefetch = Prefetch.of(config.prefetchBatches());
    _client = clients.exclusive(config.connection().withPoolSize(prefetch.connections()));
    _reader = new PartitionReader(_client, _topic, _iggyPartitionId, config.pollBatchSize(),
        config.metadataPopulate(), prefetch);
    _metadata = new IggyMessageMetadata(config.metadataPopulate(), _iggyPartitionId);
    _progressMirror = new ConsumerProgressMirror(_client, _topic, _iggyPartitionId, config.consumerGroup(),
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
    PolledBatch polled = _reader.read(start, Duration.ofMillis(timeoutMs));
    if (polled.isEmpty() && isBeyondEnd(start, polled, deadline)) {
      Duration left = remaining(deadline);
      PolledBatch fromFirst = _client.startPoll(new PollRequest(_topic, _iggyPartitionId, PollStart.first(),
          _config.pollBatchSize(), _config.metadataPopulate()), left).await(left);
      if (_loggedResetAt != start) {
        _loggedResetAt = start;
        LOG.error("[{}] Requested offset {} of partition {} of {} is beyond the partition's end (last offset {}): the "
            + "topic was purged or re-created. Resuming at the first retained offset {} and reporting data loss",
            _clientId, start, _iggyPartitionId, _topic, polled.currentOffset(),
            fromFirst.isEmpty() ? "(none yet, waiting for new messages)" : fromFirst.firstOffset());
      }
      return batch(start, fromFirst.messages(), !fromFirst.isEmpty());
    }
    boolean dataLoss = !polled.isEmpty() && polled.firstOffset() > start;
    if (dataLoss) {
      LOG.warn("[{}] Offsets {} to {} of partition {} of {} were deleted by retention before Pinot consumed them",
          _clientId, start, polled.firstOffset() - 1, _iggyPartitionId, _topic);
    }
    return batch(start, polled.messages(), dataLoss);
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

  private MessageBatch<byte[]> batch(long start, List<PolledMessage> messages, boolean dataLoss) {
    LOG.debug("[{}] Fetched {} messages from offset {} of partition {} of {}", _clientId, messages.size(), start,
        _iggyPartitionId, _topic);
    return IggyMessageBatch.of(messages, start, _metadata, dataLoss);
  }

  @Override
  public StreamPartitionMsgOffset checkpoint(StreamPartitionMsgOffset lastOffset) {
    _progressMirror.publish(lastOffset);
    return lastOffset;
  }

  @Override
  public void close() {
    if (_closed.compareAndSet(false, true)) {
      _reader.close(() -> _clients.release(_client));
    }
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadline - System.nanoTime()));
  }
}
