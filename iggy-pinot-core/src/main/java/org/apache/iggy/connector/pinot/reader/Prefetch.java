package org.apache.iggy.connector.pinot.reader;

/**
 * How far a {@link PartitionReader} reads ahead of Pinot.
 *
 * @param depth polls kept in flight after a full poll
 * @param maxBytesAhead payload bytes the prefetched polls may bring, estimated from the last poll; a poll larger
 *     than this is read, but nothing is prefetched after it
 * @param pollBytes payload bytes one poll asks for, estimated from the last poll: Pinot gets its batch size of them
 *     per fetch and the rest serves the fetches that follow; 0 polls exactly the batch size
 */
public record Prefetch(int depth, long maxBytesAhead, long pollBytes) {
  /** Payload bytes a consumer may have prefetched, estimated from its last poll. */
  public static final long MAX_BYTES_AHEAD = 8L << 20;
  /** Payload bytes per poll: few round trips per MiB, and at most 8 polls of this size within the bound ahead. */
  public static final long POLL_BYTES = 1L << 20;
  /** Messages per poll at most when the batch size is smaller, however small the messages. */
  public static final int MAX_POLL_MESSAGES = 10_000;
  /** How much larger than the last one a poll may be. */
  static final int GROWTH = 4;

  /** No polls ahead: every read waits for its own answer of the batch size. */
  public static final Prefetch NONE = new Prefetch(0, 0, 0);

  /** {@code batches} polls ahead within {@link #MAX_BYTES_AHEAD}, each of about {@link #POLL_BYTES}. */
  public static Prefetch of(int batches) {
    return batches == 0 ? NONE : new Prefetch(batches, MAX_BYTES_AHEAD, POLL_BYTES);
  }

  /** Polls to keep in flight after a poll that brought {@code lastPollBytes} of payload. */
  int depthFor(long lastPollBytes) {
    if (lastPollBytes <= 0) {
      return depth;
    }
    return (int) Math.min(depth, maxBytesAhead / lastPollBytes);
  }

  /**
   * Messages the next poll asks for: the batch size, or more when the last poll's messages were small enough that
   * {@link #pollBytes()} of them hold more (never more than {@link #MAX_POLL_MESSAGES} then). It grows at most
   * {@link #GROWTH}-fold from one poll to the next, so that a new consumer's first answers come back fast while
   * Pinot indexes the first batch.
   *
   * @param lastAsked the messages the last poll asked for
   * @param lastCount the messages it brought
   * @param lastBytes their payload bytes
   */
  int pollSize(int batchSize, int lastAsked, int lastCount, long lastBytes) {
    if (pollBytes <= 0 || lastCount == 0) {
      return batchSize;
    }
    long averageBytes = Math.max(1, lastBytes / lastCount);
    long bySize = Math.min(MAX_POLL_MESSAGES, pollBytes / averageBytes);
    return (int) Math.max(batchSize, Math.min(bySize, (long) lastAsked * GROWTH));
  }

  /** Connections a reader needs: one per poll in flight. */
  public int connections() {
    return Math.max(1, depth);
  }
}
