package org.apache.iggy.connector.pinot.client;

import java.util.List;

/**
 * A topic and its partitions, in partition id order.
 *
 * @param ref the topic as configured
 * @param topicId the server's numeric topic id
 * @param name the topic name
 * @param partitions every live partition
 */
public record TopicDescription(TopicRef ref, long topicId, String name, List<PartitionMetadata> partitions) {
  public TopicDescription {
    partitions = List.copyOf(partitions);
  }

  /** The partition with this Iggy id, or null when it does not exist. */
  public PartitionMetadata partition(int partitionId) {
    for (PartitionMetadata partition : partitions) {
      if (partition.id() == partitionId) {
        return partition;
      }
    }
    return null;
  }
}
