package org.apache.iggy.connector.pinot.consumer;

import java.time.Duration;
import org.apache.iggy.connector.pinot.client.IggyClient;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.StreamPartitionMsgOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes Pinot's committed progress to Iggy as the stored offset of a plain consumer named after
 * {@code consumer.group}, so Iggy's tools show how far Pinot got. Only what ZooKeeper holds is published: the start
 * offset of the consuming segment, on the consumer's first fetch (Pinot's checkpoints come before a commit completes
 * and with every consumer re-creation, so they can run ahead of ZooKeeper, and the stored offset holds back Iggy's
 * retention). Replicas all publish the same value. Iggy stores "last processed", hence one less. Best effort: Pinot's
 * own offsets stay the truth and are never read back from here.
 */
final class ConsumerProgressMirror {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerProgressMirror.class);

  private final IggyClient _client;
  private final TopicRef _topic;
  private final int _iggyPartitionId;
  private final String _consumerName;
  private final StreamPartitionMsgOffset _committedStart;
  private final Duration _timeout;
  private boolean _published;

  /**
   * @param consumerName the Iggy consumer, or null when mirroring is off
   * @param committedStart the consuming segment's start offset in ZooKeeper
   */
  ConsumerProgressMirror(IggyClient client, TopicRef topic, int iggyPartitionId, String consumerName,
      StreamPartitionMsgOffset committedStart, Duration timeout) {
    _client = client;
    _topic = topic;
    _iggyPartitionId = iggyPartitionId;
    _consumerName = consumerName;
    _committedStart = committedStart;
    _timeout = timeout;
  }

  /** Stores the committed progress, once per consumer. */
  void publishOnce() {
    if (_published) {
      return;
    }
    _published = true;
    if (_consumerName == null || !(_committedStart instanceof LongMsgOffset)) {
      return;
    }
    long lastProcessed = ((LongMsgOffset) _committedStart).getOffset() - 1;
    if (lastProcessed < 0) {
      return;
    }
    try {
      _client.storeConsumerOffset(_topic, _iggyPartitionId, _consumerName, lastProcessed, _timeout);
      LOG.debug("Mirrored committed offset {} of partition {} of {} to Iggy consumer '{}'", lastProcessed,
          _iggyPartitionId, _topic, _consumerName);
    } catch (RuntimeException e) {
      LOG.warn("Cannot mirror committed progress (offset {}) of partition {} of {} to Iggy consumer '{}': {}",
          lastProcessed, _iggyPartitionId, _topic, _consumerName, e.getMessage());
    }
  }
}
