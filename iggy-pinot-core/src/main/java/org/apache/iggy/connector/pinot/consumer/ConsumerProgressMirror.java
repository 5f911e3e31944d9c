package org.apache.iggy.connector.pinot.consumer;

import java.time.Duration;
import org.apache.iggy.connector.pinot.client.IggyClient;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.StreamPartitionMsgOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes Pinot's checkpointed progress to Iggy as the stored offset of a plain consumer named after
 * {@code consumer.group}, so Iggy's tools show how far Pinot got. Iggy stores "last processed", Pinot checkpoints
 * "next to read", hence one less. Best effort: Pinot's own offsets stay the truth and are never read back from here.
 */
final class ConsumerProgressMirror {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerProgressMirror.class);

  private final IggyClient _client;
  private final TopicRef _topic;
  private final int _iggyPartitionId;
  private final String _consumerName;
  private final Duration _timeout;

  ConsumerProgressMirror(IggyClient client, TopicRef topic, int iggyPartitionId, String consumerName,
      Duration timeout) {
    _client = client;
    _topic = topic;
    _iggyPartitionId = iggyPartitionId;
    _consumerName = consumerName;
    _timeout = timeout;
  }

  void publish(StreamPartitionMsgOffset checkpoint) {
    if (_consumerName == null || !(checkpoint instanceof LongMsgOffset)) {
      return;
    }
    long lastProcessed = ((LongMsgOffset) checkpoint).getOffset() - 1;
    if (lastProcessed < 0) {
      return;
    }
    try {
      _client.storeConsumerOffset(_topic, _iggyPartitionId, _consumerName, lastProcessed, _timeout);
      LOG.debug("Mirrored offset {} of partition {} of {} to Iggy consumer '{}'", lastProcessed, _iggyPartitionId,
          _topic, _consumerName);
    } catch (RuntimeException e) {
      LOG.warn("Cannot mirror progress (offset {}) of partition {} of {} to Iggy consumer '{}': {}", lastProcessed,
          _iggyPartitionId, _topic, _consumerName, e.getMessage());
    }
  }
}
