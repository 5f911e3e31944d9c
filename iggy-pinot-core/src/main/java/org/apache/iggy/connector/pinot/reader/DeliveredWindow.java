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
    int extra = previous == null ? 0 : 1;
    int count = delivered.size() + extra;
    if (count == 0) {
      return null;
    }
    int first = Math.max(0, count - MAX_MESSAGES);
    // Offsets only grow within a poll answer, so the tail is consecutive when its ends are as far apart as its size.
    if (offset(previous, delivered, count - 1) - offset(previous, delivered, first) != count - 1 - first) {
      for (int i = count - 1; i > first; i--) {
        if (offset(previous, delivered, i) != offset(previous, delivered, i - 1) + 1) {
          first = i;
          break;
        }
      }
    }
    long[] timestamps = new long[count - first];
    long[] checksums = new long[count - first];
    if (first < extra) {
      timestamps[0] = previous.timestampMicros();
      checksums[0] = previous.checksum();
    }
    for (int i = Math.max(first, extra); i < count; i++) {
      PolledMessage message = delivered.get(i - extra);
      timestamps[i - first] = message.timestampMicros();
      checksums[i - first] = message.checksum();
    }
    return new DeliveredWindow(offset(previous, delivered, first), timestamps, checksums, partitionLastOffset);
  }

  /** The offset of message {@code index} of {@code previous} (when not null) followed by {@code delivered}. */
  private static long offset(PolledMessage previous, List<PolledMessage> delivered, int index) {
    return previous == null ? delivered.get(index).offset()
        : index == 0 ? previous.offset() : delivered.get(index - 1).offset();
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
