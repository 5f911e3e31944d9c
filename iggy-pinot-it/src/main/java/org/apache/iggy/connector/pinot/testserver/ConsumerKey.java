package org.apache.iggy.connector.pinot.testserver;

import java.util.List;
import java.util.Map;

/**
 * Where a consumer's offsets live on one partition: a plain consumer (kind 1) keyed by its numeric id or the XXH32 of
 * its name, or a consumer group (kind 2) whose calling connection must be a member owning the partition.
 *
 * @param partition the resolved partition, or null when a group member has nothing to read
 * @param offsets the offsets map of the partition (consumers or groups)
 * @param id the key in that map
 */
record ConsumerKey(PartitionState partition, Map<Long, Long> offsets, long id) {

  /**
   * Resolves the consumer of a request. A plain consumer without a partition reads partition 0; a group member
   * without a partition reads its assigned partitions in turn, and one that asks for a partition it does not own
   * gets nothing (a null partition).
   */
  static ConsumerKey resolve(TopicState topic, WireConsumer consumer, Session session, long requestedPartition) {
    if (!consumer.group()) {
      PartitionState partition = topic.partition(requestedPartition < 0 ? 0 : requestedPartition);
      if (partition == null) {
        throw new IggyServerError(ErrorCodes.PARTITION_NOT_FOUND);
      }
      WireId id = consumer.id();
      long key = id.isNumeric() ? id.numeric() : Integer.toUnsignedLong(Hashes.xxh32(id.name()));
      return new ConsumerKey(partition, partition._consumerOffsets, key);
    }
    GroupState group = ServerState.group(topic, consumer.id());
    if (group == null) {
      throw new IggyServerError(ErrorCodes.CONSUMER_GROUP_ID_NOT_FOUND);
    }
    List<Integer> assigned = group._members.get(session._clientId);
    if (assigned == null) {
      throw new IggyServerError(ErrorCodes.CONSUMER_GROUP_MEMBER_NOT_FOUND);
    }
    int partitionId;
    if (requestedPartition < 0) {
      if (assigned.isEmpty()) {
        return new ConsumerKey(null, null, group._id);
      }
      int cursor = group._pollCursor.merge(session._clientId, 1, Integer::sum) - 1;
      partitionId = assigned.get(cursor % assigned.size());
    } else if (assigned.contains((int) requestedPartition)) {
      partitionId = (int) requestedPartition;
    } else {
      return new ConsumerKey(null, null, group._id);
    }
    PartitionState partition = topic.partition(partitionId);
    return new ConsumerKey(partition, partition._groupOffsets, group._id);
  }

  Long storedOffset() {
    return offsets.get(id);
  }

  void store(long offset) {
    offsets.put(id, offset);
  }
}
