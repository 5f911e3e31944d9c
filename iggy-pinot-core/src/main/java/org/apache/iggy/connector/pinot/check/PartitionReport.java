package org.apache.iggy.connector.pinot.check;

/**
 * One Iggy partition as Pinot would see it.
 *
 * @param partition the Iggy partition id
 * @param partitionGroup Pinot's partition group id for it (stream config i numbers its partitions from i * 10000)
 * @param firstOffset the first retained offset (the next offset when the partition is empty)
 * @param nextOffset the offset the next message will get
 * @param startOffset where the table's offset criteria start a new consuming segment
 * @param sample what decoding sampled messages found, or null when sampling was skipped
 */
public record PartitionReport(int partition, int partitionGroup, long firstOffset, long nextOffset, long messages,
    long startOffset, SampleReport sample) {
}
