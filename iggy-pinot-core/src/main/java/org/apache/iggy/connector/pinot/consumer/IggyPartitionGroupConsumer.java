package org.apache.iggy.connector.pinot.consumer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iggy.connector.pinot.client.IggyClient;
import org.apache.iggy.connector.pinot.client.IggyClients;
import org.apache.iggy.connector.pinot.client.PolledBatch;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.iggy.connector.pinot.config.IggyStreamConfig;
import org.apache.iggy.connector.pinot.consumer.OffsetsWentBack.Resumption;
import org.apache.iggy.connector.pinot.metadata.PartitionIdMapping;
import org.apache.iggy.connector.pinot.reader.Anchor;
import org.apache.iggy.connector.pinot.reader.DeliveredHistory;
import org.apache.iggy.connector.pinot.reader.DeliveredMessages;
import org.apache.iggy.connector.pinot.reader.PartitionReader;
import org.apache.iggy.connector.pinot.reader.Prefetch;
import org.apache.iggy.connector.pinot.reader.Read;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.MessageBatch;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.PartitionGroupConsumptionStatus;
import org.apache.pinot.spi.stream.StreamPartitionMsgOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one Iggy partition for one consuming segment, through a {@link PartitionReader} on a client of its own.
 * Every fetch polls by explicit offset as a standalone consumer without auto-commit, so the same start offset always
 * yields the same messages and Pinot's checkpoints stay the only truth. Each read also checks that the message before
 * its start offset is still the one Pinot ingested, so that a purge, a re-creation or an unclean Iggy restart is
 * neither ingested twice nor skipped ({@link OffsetsWentBack}). Errors are never turned into empty batches.
 */
public class IggyPartitionGroupConsumer implements PartitionGroupConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(IggyPartitionGroupConsumer.class);

  private final String _clientId;
  private final IggyClients _clients;
  private final IggyClient _client;
  private final IggyClient _metadataClient;
  private final TopicRef _topic;
  private final int _iggyPartitionId;
  private final PartitionReader _reader;
  private final DeliveredMessages _delivered;
  private final OffsetsWentBack _wentBack;
  private final IggyMessageMetadata _metadata;
  private final ConsumerProgressMirror _progressMirror;
  private final AtomicBoolean _closed = new AtomicBoolean();

  /**
   * A consumer of the stream partition of {@code status}, on clients lent by {@code clients}.
   *
   * @param history what earlier consumers of the partition delivered
   * @param status the consuming segment as ZooKeeper holds it: its start offset is committed progress
   */
  public IggyPartitionGroupConsumer(String clientId, IggyStreamConfig config, IggyClients clients,
      DeliveredHistory history, PartitionGroupConsumptionStatus status) {
    _clientId = clientId;
    _topic = new TopicRef(config.stream(), config.topic());
    _iggyPartitionId = PartitionIdMapping.toIggy(status.getStreamPartitionGroupId());
    _clients = clients;
    Prefetch prefetch = Prefetch.of(config.prefetchBatches());
    _client = clients.exclusive(config.connection().withPoolSize(prefetch.connections()));
    _metadataClient = clients.shared(config.connection());
    _delivered = new DeliveredMessages(history, config.tableNameWithType(),
        config.connection().address(), _topic, _iggyPartitionId);
    _reader = new PartitionReader(_client, _topic, _iggyPartitionId, config.pollBatchSize(),
        config.metadataPopulate(), prefetch, _delivered.partitionLastOffset());
    _wentBack = new OffsetsWentBack(clientId, _client, _reader, _topic, _iggyPartitionId, config.pollBatchSize(),
        config.metadataPopulate(), config.fetchTimeoutMillis());
    _metadata = new IggyMessageMetadata(config.metadataPopulate(), _iggyPartitionId);
    _progressMirror = new ConsumerProgressMirror(_metadataClient, _topic, _iggyPartitionId, config.consumerGroup(),
        status.getStartOffset(), Duration.ofMillis(config.connection().requestTimeoutMillis()));
  }

  /** Opens the connection now instead of on the first fetch. */
  public void connect(Duration timeout) {
    _client.connect(timeout);
  }

  @Override
  public synchronized MessageBatch<byte[]> fetchMessages(StreamPartitionMsgOffset startOffset, int timeoutMs) {
    long start = ((LongMsgOffset) startOffset).getOffset();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    _progressMirror.publishOnce();
    Anchor anchor = _delivered.anchorAt(start - 1);
    Read read = _reader.read(start, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    if (anchor != null && (read.isBeyondEnd(start) || read.previous() != null && !anchor.matches(read.previous()))) {
      return deliver(start, null, _wentBack.afterAnchor(anchor, start, deadline, read.lastOffsetBefore()));
    }
    if (read.isBeyondEnd(start)) {
      return deliver(start, null, _wentBack.withoutAnchor(start, read.batch().currentOffset()));
    }
    PolledBatch batch = read.batch();
    if (read.lastOffsetWentBack()) {
      _wentBack.lastOffsetWentBack(start, read.lastOffsetBefore(), batch.currentOffset());
    }
    boolean retentionLoss = !batch.isEmpty() && batch.firstOffset() > start;
    if (retentionLoss) {
      LOG.warn("[{}] Offsets {} to {} of partition {} of {} were deleted by retention before Pinot consumed them",
          _clientId, start, batch.firstOffset() - 1, _iggyPartitionId, _topic);
    }
    boolean dataLoss = _wentBack.takePendingLoss(start, batch.messages()) | retentionLoss;
    return deliver(start, anchor == null ? null : read.previous(), new Resumption(batch.messages(), dataLoss,
        batch.currentOffset()));
  }

  /** Hands messages to Pinot and remembers them; {@code checkedPrevious} is the message verified before them. */
  private MessageBatch<byte[]> deliver(long start, PolledMessage checkedPrevious, Resumption resumption) {
    _delivered.delivered(checkedPrevious, resumption.messages(), resumption.partitionLastOffset());
    LOG.debug("[{}] Fetched {} messages from offset {} of partition {} of {}", _clientId,
        resumption.messages().size(), start, _iggyPartitionId, _topic);
    return IggyMessageBatch.of(resumption.messages(), start, _metadata, resumption.dataLoss());
  }

  @Override
  public void close() {
    if (_closed.compareAndSet(false, true)) {
      _clients.release(_metadataClient);
      _reader.close(() -> _clients.release(_client));
    }
  }
}
