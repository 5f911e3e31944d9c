package org.apache.iggy.connector.pinot.client;

/**
 * One Iggy partition as the server describes it.
 *
 * @param id the Iggy partition id (0-based)
 * @param currentOffset offset of the last appended message; 0 also for an empty partition
 * @param messagesCount messages the server counts as retained; only tells empty from non-empty reliably
 */
public record PartitionMetadata(int id, long currentOffset, long messagesCount) {

  /** The offset the next appended message will get: 0 for an empty partition, else the last offset + 1. */
  public long nextOffset() {
    return currentOffset == 0 && messagesCount == 0 ? 0 : currentOffset + 1;
  }
}
