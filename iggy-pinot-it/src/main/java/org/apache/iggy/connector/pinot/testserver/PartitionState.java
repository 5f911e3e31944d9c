package org.apache.iggy.connector.pinot.testserver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One partition: retained messages from {@link #firstRetained()}, the next offset, and stored consumer offsets. */
final class PartitionState {
  final int _id;
  final long _createdAt;
  final List<StoredMessage> _messages = new ArrayList<>();
  final Map<Long, Long> _consumerOffsets = new HashMap<>();
  final Map<Long, Long> _groupOffsets = new HashMap<>();
  long _nextOffset;
  long _firstRetained;

  PartitionState(int id, long createdAt) {
    _id = id;
    _createdAt = createdAt;
  }

  /** Offset of the last appended message; 0 for an empty partition, as Iggy reports it. */
  long currentOffset() {
    return _nextOffset == 0 ? 0 : _nextOffset - 1;
  }

  long firstRetained() {
    return _firstRetained;
  }

  boolean isEmpty() {
    return _nextOffset == 0;
  }

  long sizeBytes() {
    long size = 0;
    for (StoredMessage message : _messages) {
      size += message.bytes().length;
    }
    return size;
  }

  /** Index into {@link #_messages} of the first message at or after {@code offset}. */
  int indexOf(long offset) {
    return (int) Math.max(0, offset - _firstRetained);
  }

  /** Drops retained messages below {@code offset}; the next offset does not change. */
  void deleteBelow(long offset) {
    long target = Math.min(offset, _nextOffset);
    while (_firstRetained < target && !_messages.isEmpty()) {
      _messages.remove(0);
      _firstRetained++;
    }
    _firstRetained = Math.max(_firstRetained, target);
  }

  /** The lowest stored offset of any consumer or group: retention never deletes beyond it. */
  long retentionBarrier() {
    long barrier = Long.MAX_VALUE;
    for (long stored : _consumerOffsets.values()) {
      barrier = Math.min(barrier, stored + 1);
    }
    for (long stored : _groupOffsets.values()) {
      barrier = Math.min(barrier, stored + 1);
    }
    return barrier;
  }

  void purge() {
    _messages.clear();
    _consumerOffsets.clear();
    _groupOffsets.clear();
    _nextOffset = 0;
    _firstRetained = 0;
  }
}
