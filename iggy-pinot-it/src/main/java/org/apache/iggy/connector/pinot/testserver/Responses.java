package org.apache.iggy.connector.pinot.testserver;

import java.util.List;

/** Encoders of the entity layouts shared by several responses. */
final class Responses {
  static final long NEVER = -1L;

  private Responses() {
  }

  /** StreamResponse: id · created_at · topics_count · size · messages_count · name. */
  static void stream(WriterBuf out, StreamState stream) {
    out.u32(stream._id).u64(stream._createdAt).u32(stream._topics.values().size()).u64(stream.sizeBytes())
        .u64(stream.messagesCount()).name(stream._name);
  }

  /** TopicHeader: id · created_at · partitions · expiry · compression · max size · replication · size · messages · name. */
  static void topic(WriterBuf out, TopicState topic) {
    out.u32(topic._id).u64(topic._createdAt).u32(topic._partitions.size()).u64(topic._messageExpiry)
        .u8(topic._compression).u64(topic._maxTopicSize).u8(topic._replicationFactor).u64(topic.sizeBytes())
        .u64(topic.messagesCount()).name(topic._name);
  }

  /** PartitionResponse: id · created_at · segments · current_offset · size · messages_count. */
  static void partition(WriterBuf out, PartitionState partition) {
    out.u32(partition._id).u64(partition._createdAt).u32(1).u64(partition.currentOffset())
        .u64(partition.sizeBytes()).u64(partition._messages.size());
  }

  /** ConsumerGroupResponse: id · partitions_count · members_count · name. */
  static void group(WriterBuf out, GroupState group, int partitions) {
    out.u32(group._id).u32(partitions).u32(group._members.size()).name(group._name);
  }

  /** Members of a group: member_id · partitions_count · partition ids. */
  static void members(WriterBuf out, GroupState group) {
    int memberId = 0;
    for (List<Integer> partitions : group._members.values()) {
      out.u32(memberId++).u32(partitions.size());
      for (int partition : partitions) {
        out.u32(partition);
      }
    }
  }
}
