package org.apache.iggy.connector.pinot.reader;

/**
 * How far a {@link PartitionReader} reads ahead of Pinot.
 *
 * @param depth polls kept in flight after a full batch
 * @param maxBytesAhead payload bytes the prefetched polls may bring, estimated from the last batch; a batch larger
 *     than this is read, but nothing is prefetched after it
 */
public record Prefetch(int depth, long maxBytesAhead) {
  /** Payload bytes a consumer may have prefetched, estimated from its last batch. */
  public static final long MAX_BYTES_AHEAD = 8L << 20;

  /** No polls ahead: every read waits for its own answer. */
  public static final Prefetch NONE = new Prefetch(0, 0);

  /** {@code batches} polls ahead within {@link #MAX_BYTES_AHEAD}. */
  public static Prefetch of(int batches) {
    return new Prefetch(batches, MAX_BYTES_AHEAD);
  }

  /** Polls to keep in flight after a batch with {@code lastBatchBytes} of payload. */
  int depthFor(long lastBatchBytes) {
    if (lastBatchBytes <= 0) {
      return depth;
    }
    return (int) Math.min(depth, maxBytesAhead / lastBatchBytes);
  }

  /** Connections a reader needs: one per poll in flight. */
  public int connections() {
    return Math.max(1, depth);
  }
}
