package org.apache.iggy.connector.pinot.testserver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One partition: retained messages from {@link #firstRetained()}, the next offset, stored consumer offsets, and how
 * much of it is saved: messages from {@link #_savedEnd} on are its unsaved tail (Iggy's journal), lost by an unclean
 * stop.
 */
final class PartitionState {
  final int _id;
  final long _createdAt;
  final List<StoredMessage> _messages = new ArrayList<>();
  final Map<Long, Long> _consumerOffsets = new HashMap<>();
  final Map<Long, Long> _groupOffsets = new HashMap<>();
  long _nextOffset;
  long _firstRetained;
  long _savedEnd;
  long _unsavedBytes;
  private long _sizeBytes;

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

  /** The bytes of the retained messages, kept as messages come and go (Iggy keeps it in its partition stats). */
  long sizeBytes() {
    return _sizeBytes;
  }

  void append(StoredMessage message) {
    _messages.add(message);
    _sizeBytes += message.bytes().length;
    _nextOffset = message.offset() + 1;
    _unsavedBytes += message.bytes().length;
  }

  long unsavedCount() {
    return _nextOffset - _savedEnd;
  }

  /** Writes the unsaved tail to the segment: it survives an unclean stop from now on. */
  void save() {
    _savedEnd = _nextOffset;
    _unsavedBytes = 0;
  }

  /** An unclean stop: the unsaved tail is gone and its offsets are given to the next messages again. */
  void dropUnsaved() {
    while (!_messages.isEmpty() && _messages.get(_messages.size() - 1).offset() >= _savedEnd) {
      _sizeBytes -= _messages.remove(_messages.size() - 1).bytes().length;
    }
    _nextOffset = _savedEnd;
    _firstRetained = Math.min(_firstRetained, _nextOffset);
    _unsavedBytes = 0;
  }

  /** Index into {@link #_messages} of the first message at or after {@code offset}. */
  int indexOf(long offset) {
    return (int) Math.max(0, offset - _firstRetained);
  }

  /** Offset of the first message stored at or after {@code micros}; the next offset when there is none. */
  long firstStoredAtOrAfter(long micros) {
    for (StoredMessage message : _messages) {
      if (message.timestampMicros() >= micros) {
        return message.offset();
      }
    }
    return _nextOffset;
  }

  /** Drops retained messages below {@code offset}; the next offset does not change. */
  void deleteBelow(long offset) {
    long target = Math.min(offset, _nextOffset);
    int deleted = (int) Math.min(_messages.size(), Math.max(0, target - _firstRetained));
    List<StoredMessage> gone = _messages.subList(0, deleted);
    for (StoredMessage message : gone) {
      _sizeBytes -= message.bytes().length;
    }
    gone.clear();
    _firstRetained = Math.max(_firstRetained + deleted, target);
    if (_savedEnd < _firstRetained) {
      // The test double may delete into the unsaved tail (Iggy deletes sealed segments only): what is gone is not lost.
      _savedEnd = _firstRetained;
      _unsavedBytes = _sizeBytes;
    }
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
    _sizeBytes = 0;
    _consumerOffsets.clear();
    _groupOffsets.clear();
    _nextOffset = 0;
    _firstRetained = 0;
    _savedEnd = 0;
    _unsavedBytes = 0;
  }
}
