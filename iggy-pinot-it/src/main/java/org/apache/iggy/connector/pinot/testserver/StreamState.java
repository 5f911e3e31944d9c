package org.apache.iggy.connector.pinot.testserver;

/** A stream and its topics. */
final class StreamState {
  final int _id;
  final String _name;
  final long _createdAt;
  final Slab<TopicState> _topics = new Slab<>();

  StreamState(int id, String name, long createdAt) {
    _id = id;
    _name = name;
    _createdAt = createdAt;
  }

  long sizeBytes() {
    long size = 0;
    for (TopicState topic : _topics.values()) {
      size += topic.sizeBytes();
    }
    return size;
  }

  long messagesCount() {
    long count = 0;
    for (TopicState topic : _topics.values()) {
      count += topic.messagesCount();
    }
    return count;
  }
}
