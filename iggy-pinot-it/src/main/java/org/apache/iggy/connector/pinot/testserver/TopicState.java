package org.apache.iggy.connector.pinot.testserver;

import java.util.ArrayList;
import java.util.List;

/** A topic: its settings, its partitions (ids 0..n-1), its consumer groups and the balanced-partitioning counter. */
final class TopicState {
  final int _id;
  final String _name;
  final long _createdAt;
  final int _compression;
  final long _messageExpiry;
  final long _maxTopicSize;
  final int _replicationFactor;
  final List<PartitionState> _partitions = new ArrayList<>();
  final Slab<GroupState> _groups = new Slab<>();
  long _balancedCounter;

  TopicState(int id, String name, long createdAt, int compression, long messageExpiry, long maxTopicSize,
      int replicationFactor) {
    _id = id;
    _name = name;
    _createdAt = createdAt;
    _compression = compression;
    _messageExpiry = messageExpiry;
    _maxTopicSize = maxTopicSize;
    _replicationFactor = replicationFactor;
  }

  PartitionState partition(long id) {
    return id >= 0 && id < _partitions.size() ? _partitions.get((int) id) : null;
  }

  long sizeBytes() {
    long size = 0;
    for (PartitionState partition : _partitions) {
      size += partition.sizeBytes();
    }
    return size;
  }

  long messagesCount() {
    long count = 0;
    for (PartitionState partition : _partitions) {
      count += partition._messages.size();
    }
    return count;
  }
}
