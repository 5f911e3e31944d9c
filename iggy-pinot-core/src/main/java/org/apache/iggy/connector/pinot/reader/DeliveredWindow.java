package org.apache.iggy.connector.pinot.reader;

import java.util.List;
import org.apache.iggy.connector.pinot.client.PolledMessage;

/**
 * The identities of the last consecutive messages handed to Pinot from one partition (at most {@link #MAX_MESSAGES}),
 * so that a read from any offset inside them, or right after them, can check that the message before it is still the
 * same. Pinot may stop anywhere inside a batch (end of a segment) and start the next consumer there. It also keeps
 * the partition's last offset that the poll answer showed, so that the next consumer can tell when messages Pinot had
 * not read yet were lost from the partition's end.
 */
public final class DeliveredWindow {
  static final int MAX_MESSAGES = 2048;

  private final long _firstOffset;
  private final long[] _timestamps;
  private final long[] _checksums;
  private final long _partitionLastOffset;

  private DeliveredWindow(long firstOffset, long[] timestamps, long[] checksums, long partitionLastOffset) {
    _firstOffset = firstOffset;
    _timestamps = timestamps;
    _checksums = checksums;
    _partitionLastOffset = partitionLastOffset;
  }

  /**
   * The window of {@code delivered}, preceded by {@code previous} (null when unknown), keeping the consecutive tail.
   *
   * @param partitionLastOffset the partition's last offset in the poll answer that held {@code delivered}
   * @return null when there is nothing to remember
   */
  static DeliveredWindow of(PolledMessage previous, List<PolledMessage> delivered, long partitionLastOffset) {
    int count = delivered.size() + (previous == null ? 0 : 1);
    if (count == 0) {
      return null;
    }
    PolledMessage[] messages = new PolledMessage[count];
    int index = 0;
    if (previous != null) {
      messages[index++] = previous;
    }
    for (PolledMessage message : delivered) {
      messages[index++] = message;
    }
    int first = Math.max(0, count - MAX_MESSAGES);
    for (int i = count - 1; i > first; i--) {
      if (messages[i].offset() != messages[i - 1].offset() + 1) {
        first = i;
        break;
      }
    }
    long[] timestamps = new long[count - first];
    long[] checksums = new long[count - first];
    for (int i = first; i < count; i++) {
      timestamps[i - first] = messages[i].timestampMicros();
      checksums[i - first] = messages[i].checksum();
    }
    return new DeliveredWindow(messages[first].offset(), timestamps, checksums, partitionLastOffset);
  }

  long partitionLastOffset() {
    return _partitionLastOffset;
  }

  /** The message delivered at {@code offset}, or null when it is not in the window. */
  Anchor at(long offset) {
    long index = offset - _firstOffset;
    if (index < 0 || index >= _timestamps.length) {
      return null;
    }
    return new Anchor(offset, _timestamps[(int) index], _checksums[(int) index]);
  }
}
