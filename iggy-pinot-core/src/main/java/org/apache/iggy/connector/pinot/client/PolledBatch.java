package org.apache.iggy.connector.pinot.client;

import java.util.List;

/**
 * The answer to one poll.
 *
 * @param partitionId the partition that was read
 * @param currentOffset the partition's last offset at poll time (0 when empty)
 * @param records the messages, in offset order
 */
public record PolledBatch(int partitionId, long currentOffset, List<IggyRecord> records) {
  public PolledBatch {
    records = List.copyOf(records);
  }
}
