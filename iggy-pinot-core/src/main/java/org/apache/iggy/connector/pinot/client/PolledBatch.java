package org.apache.iggy.connector.pinot.client;

import java.util.List;

/**
 * The answer to one poll.
 *
 * @param partitionId the partition that was read
 * @param currentOffset the partition's last offset at poll time (0 when empty)
 * @param messages the messages, in offset order (not copied: the decoder hands over its list)
 * @param answerPayloadBytes the sum of the payload sizes of the whole poll answer, which a {@link #slice} keeps: the
 *     decoder counts them while it copies the payloads, so that nobody walks the messages again for it
 */
public record PolledBatch(int partitionId, long currentOffset, List<PolledMessage> messages,
    long answerPayloadBytes) {

  /** A whole answer of these messages. */
  public PolledBatch(int partitionId, long currentOffset, List<PolledMessage> messages) {
    this(partitionId, currentOffset, messages, payloadBytes(messages));
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  /** The offset of the first message; only for a batch that is not empty. */
  public long firstOffset() {
    return messages.get(0).offset();
  }

  /** Where the next poll starts: the last offset + 1, or {@code start} when the batch is empty. */
  public long nextOffset(long start) {
    return messages.isEmpty() ? start : messages.get(messages.size() - 1).offset() + 1;
  }

  /** The messages from index {@code from} to {@code to} (exclusive) of this answer, which stays their answer. */
  public PolledBatch slice(int from, int to) {
    return new PolledBatch(partitionId, currentOffset, messages.subList(from, to), answerPayloadBytes);
  }

  private static long payloadBytes(List<PolledMessage> messages) {
    long bytes = 0;
    for (PolledMessage message : messages) {
      bytes += message.payload().length;
    }
    return bytes;
  }
}
