package org.apache.iggy.connector.pinot.consumer;

import java.util.List;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.apache.pinot.spi.stream.BytesStreamMessage;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.MessageBatch;
import org.apache.pinot.spi.stream.StreamMessage;
import org.apache.pinot.spi.stream.StreamMessageMetadata;
import org.apache.pinot.spi.stream.StreamPartitionMsgOffset;

/** The messages of one fetch from one Iggy partition, in offset order. */
public class IggyMessageBatch implements MessageBatch<byte[]> {
  private final BytesStreamMessage[] _messages;
  private final LongMsgOffset _offsetOfNextBatch;
  private final long _sizeInBytes;
  private final boolean _dataLoss;

  /**
   * @param messages the messages, in offset order (not copied)
   * @param offsetOfNextBatch where the next fetch starts: last offset + 1, or the requested offset when empty
   * @param sizeInBytes the sum of the payload sizes
   * @param dataLoss whether messages between the requested offset and the first returned one were deleted
   */
  private IggyMessageBatch(BytesStreamMessage[] messages, LongMsgOffset offsetOfNextBatch, long sizeInBytes,
      boolean dataLoss) {
    _messages = messages;
    _offsetOfNextBatch = offsetOfNextBatch;
    _sizeInBytes = sizeInBytes;
    _dataLoss = dataLoss;
  }

  /** The batch of polled messages read from {@code start}, each with the metadata Pinot wants. */
  static IggyMessageBatch of(List<PolledMessage> polled, long start, IggyMessageMetadata metadata,
      boolean dataLoss) {
    BytesStreamMessage[] messages = new BytesStreamMessage[polled.size()];
    long sizeInBytes = 0;
    // A message's next offset is the object of the following message's offset; messages go in offset order, as the
    // metadata's warnings about malformed headers must.
    LongMsgOffset next = null;
    for (int i = 0; i < messages.length; i++) {
      PolledMessage message = polled.get(i);
      LongMsgOffset offset = next != null && next.getOffset() == message.offset() ? next
          : new LongMsgOffset(message.offset());
      next = new LongMsgOffset(message.offset() + 1);
      messages[i] = new BytesStreamMessage(null, message.payload(), metadata.of(message, offset, next));
      sizeInBytes += message.payload().length;
    }
    return new IggyMessageBatch(messages, next == null ? new LongMsgOffset(start) : next, sizeInBytes, dataLoss);
  }

  @Override
  public int getMessageCount() {
    return _messages.length;
  }

  @Override
  public StreamMessage<byte[]> getStreamMessage(int index) {
    return _messages[index];
  }

  @Override
  public StreamPartitionMsgOffset getOffsetOfNextBatch() {
    return _offsetOfNextBatch;
  }

  @Override
  public StreamPartitionMsgOffset getFirstMessageOffset() {
    return _messages.length == 0 ? null : _messages[0].getMetadata().getOffset();
  }

  @Override
  public StreamMessageMetadata getLastMessageMetadata() {
    return _messages.length == 0 ? null : _messages[_messages.length - 1].getMetadata();
  }

  @Override
  public boolean hasDataLoss() {
    return _dataLoss;
  }

  @Override
  public long getSizeInBytes() {
    return _sizeInBytes;
  }

  /**
   * The offset after the message at {@code index}. Pinot 1.3 and 1.4 call it only when a message has no next offset
   * in its metadata, which never happens here; it is declared so such a call cannot fail.
   */
  public StreamPartitionMsgOffset getNextStreamPartitionMsgOffsetAtIndex(int index) {
    return _messages[index].getMetadata().getNextOffset();
  }
}
