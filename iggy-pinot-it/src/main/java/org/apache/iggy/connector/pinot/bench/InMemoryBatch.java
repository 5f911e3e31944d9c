package org.apache.iggy.connector.pinot.bench;

import org.apache.pinot.spi.stream.BytesStreamMessage;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.MessageBatch;
import org.apache.pinot.spi.stream.StreamMessage;
import org.apache.pinot.spi.stream.StreamMessageMetadata;
import org.apache.pinot.spi.stream.StreamPartitionMsgOffset;

/** A view of consecutive messages of an in-memory partition. */
final class InMemoryBatch implements MessageBatch<byte[]> {
  private final BytesStreamMessage[] _messages;
  private final int _from;
  private final int _count;
  private final long _sizeInBytes;

  InMemoryBatch(BytesStreamMessage[] messages, int from, int count) {
    _messages = messages;
    _from = from;
    _count = count;
    long size = 0;
    for (int i = from; i < from + count; i++) {
      size += messages[i].getValue().length;
    }
    _sizeInBytes = size;
  }

  @Override
  public int getMessageCount() {
    return _count;
  }

  @Override
  public StreamMessage<byte[]> getStreamMessage(int index) {
    return _messages[_from + index];
  }

  @Override
  public StreamPartitionMsgOffset getOffsetOfNextBatch() {
    return new LongMsgOffset(_from + _count);
  }

  @Override
  public StreamPartitionMsgOffset getFirstMessageOffset() {
    return _count == 0 ? null : _messages[_from].getMetadata().getOffset();
  }

  @Override
  public StreamMessageMetadata getLastMessageMetadata() {
    return _count == 0 ? null : _messages[_from + _count - 1].getMetadata();
  }

  @Override
  public long getSizeInBytes() {
    return _sizeInBytes;
  }
}
