package org.apache.iggy.connector.pinot.reader;

import org.apache.iggy.connector.pinot.client.PolledBatch;
import org.apache.iggy.connector.pinot.client.PolledMessage;

/**
 * What one read of a partition from offset {@code start} found.
 *
 * @param previous the message at {@code start - 1} as the partition holds it now, or null when there is none (start
 *     0, deleted by retention, or beyond the partition's end)
 * @param batch the messages from {@code start} on
 * @param lastOffsetBefore the partition's last offset in the answers the reader had when it sent this poll (-1 when
 *     none), which a later answer can only be below if the offsets went back
 */
public record Read(PolledMessage previous, PolledBatch batch, long lastOffsetBefore) {

  /** Splits a poll answer that started one message before {@code start} (or at 0). */
  static Read of(long start, PolledBatch answer, long lastOffsetBefore) {
    if (answer.isEmpty() || answer.firstOffset() != start - 1) {
      return new Read(null, answer, lastOffsetBefore);
    }
    return new Read(answer.messages().get(0), answer.slice(1, answer.messages().size()), lastOffsetBefore);
  }

  /** The first {@code count} messages of this read. */
  Read first(int count) {
    return new Read(previous, batch.slice(0, count), lastOffsetBefore);
  }

  /**
   * The messages after the first {@code count}, as a read from the offset that follows them: its previous message is
   * the last of the first {@code count}, and its answer's last offset is already known.
   */
  Read after(int count) {
    return new Read(batch.messages().get(count - 1), batch.slice(count, batch.messages().size()),
        batch.currentOffset());
  }

  /** Whether the partition's last offset is below one an earlier answer showed: messages were lost from its end. */
  public boolean lastOffsetWentBack() {
    return batch.currentOffset() < lastOffsetBefore;
  }

  /** True when nothing is stored at or after {@code start - 1}: the partition ends before the requested offset. */
  public boolean isBeyondEnd(long start) {
    return previous == null && batch.isEmpty() && start > 0 && (start > batch.currentOffset() + 1
        || batch.currentOffset() == 0);
  }
}
