package org.apache.iggy.connector.pinot.reader;

import java.util.List;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.apache.iggy.connector.pinot.client.TopicRef;

/**
 * What the consumers of one partition handed to Pinot last, in this JVM: the anchors that let a read check that the
 * message before its start offset is still the one Pinot ingested.
 */
public final class DeliveredMessages {
  private final DeliveredHistory _history;
  private final PartitionKey _key;
  private DeliveredWindow _window;

  /**
   * @param table the table (two tables reading one topic are consumed independently)
   * @param server the server address
   */
  public DeliveredMessages(DeliveredHistory history, String table, String server, TopicRef topic, int partitionId) {
    _history = history;
    _key = new PartitionKey(table, server, topic, partitionId);
    _window = history.get(_key);
  }

  /** The message delivered at {@code offset}, or null when it is not known. */
  public synchronized Anchor anchorAt(long offset) {
    return _window == null ? null : _window.at(offset);
  }

  /** The partition's last offset in the poll answer of the last batch handed to Pinot, -1 when not known. */
  public synchronized long partitionLastOffset() {
    return _window == null ? -1 : _window.partitionLastOffset();
  }

  /**
   * Records a batch handed to Pinot.
   *
   * @param previous the message before the batch, when it was checked against an anchor; else null
   * @param partitionLastOffset the partition's last offset in the poll answer that held the batch
   */
  public synchronized void delivered(PolledMessage previous, List<PolledMessage> messages, long partitionLastOffset) {
    if (messages.isEmpty()) {
      return;
    }
    _window = DeliveredWindow.of(previous, messages, partitionLastOffset);
    _history.put(_key, _window);
  }
}
