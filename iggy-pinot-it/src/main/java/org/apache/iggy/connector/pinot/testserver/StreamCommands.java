package org.apache.iggy.connector.pinot.testserver;

/** Streams, topics and partitions. Get* of a missing entity answers an empty OK, as the real server does. */
final class StreamCommands {
  private static final int MAX_PARTITIONS = 1000;
  private final ServerState _state;

  StreamCommands(ServerState state) {
    _state = state;
  }

  WriterBuf getStream(WireReader in, Session session) {
    UserAccount user = session.requireUser();
    WireId id = in.identifier();
    synchronized (_state) {
      StreamState stream = _state.stream(id);
      if (stream == null) {
        return null;
      }
      requireRead(user, stream);
      WriterBuf out = new WriterBuf();
      Responses.stream(out, stream);
      for (TopicState topic : stream._topics.values()) {
        Responses.topic(out, topic);
      }
      return out;
    }
  }

  WriterBuf getStreams(Session session) {
    UserAccount user = session.requireUser();
    synchronized (_state) {
      WriterBuf out = new WriterBuf();
      for (StreamState stream : _state._streams.values()) {
        if (user.canRead(stream._id)) {
          Responses.stream(out, stream);
        }
      }
      return out;
    }
  }

  WriterBuf createStream(WireReader in, Session session) {
    requireRoot(session);
    String name = in.name();
    synchronized (_state) {
      for (StreamState stream : _state._streams.values()) {
        if (stream._name.equals(name)) {
          throw new IggyServerError(ErrorCodes.STREAM_NAME_ALREADY_EXISTS);
        }
      }
      long now = _state.nowMicros();
      int id = _state._streams.insert(slot -> new StreamState(slot, name, now));
      WriterBuf out = new WriterBuf();
      Responses.stream(out, _state._streams.get(id));
      return out;
    }
  }

  WriterBuf deleteStream(WireReader in, Session session) {
    requireRoot(session);
    WireId id = in.identifier();
    synchronized (_state) {
      _state._streams.remove(_state.requireStream(id)._id);
    }
    return null;
  }

  WriterBuf purgeStream(WireReader in, Session session) {
    requireRoot(session);
    WireId id = in.identifier();
    synchronized (_state) {
      for (TopicState topic : _state.requireStream(id)._topics.values()) {
        topic._partitions.forEach(PartitionState::purge);
      }
    }
    return null;
  }

  WriterBuf getTopic(WireReader in, Session session) {
    UserAccount user = session.requireUser();
    WireId streamId = in.identifier();
    WireId topicId = in.identifier();
    synchronized (_state) {
      StreamState stream = _state.stream(streamId);
      TopicState topic = stream == null ? null : ServerState.topic(stream, topicId);
      if (topic == null) {
        return null;
      }
      requireRead(user, stream);
      WriterBuf out = new WriterBuf();
      Responses.topic(out, topic);
      for (PartitionState partition : topic._partitions) {
        Responses.partition(out, partition);
      }
      return out;
    }
  }

  WriterBuf getTopics(WireReader in, Session session) {
    UserAccount user = session.requireUser();
    WireId streamId = in.identifier();
    synchronized (_state) {
      StreamState stream = _state.stream(streamId);
      if (stream == null) {
        return null;
      }
      requireRead(user, stream);
      WriterBuf out = new WriterBuf();
      for (TopicState topic : stream._topics.values()) {
        Responses.topic(out, topic);
      }
      return out;
    }
  }

  /**
   * CreateTopic: stream · partitions_count u32 · compression u8 · message_expiry u64 · max_topic_size u64 ·
   * replication_factor u8 · name. Expiry and max size 0 resolve to the server defaults (never, unlimited).
   */
  WriterBuf createTopic(WireReader in, Session session) {
    requireRoot(session);
    WireId streamId = in.identifier();
    long partitions = in.u32();
    int compression = in.u8();
    long expiry = in.u64();
    long maxSize = in.u64();
    int replication = in.u8();
    String name = in.name();
    if (compression != 1 && compression != 2) {
      throw new IggyServerError(ErrorCodes.INVALID_COMMAND);
    }
    if (partitions > MAX_PARTITIONS) {
      throw new IggyServerError(ErrorCodes.TOO_MANY_PARTITIONS);
    }
    synchronized (_state) {
      StreamState stream = _state.requireStream(streamId);
      for (TopicState topic : stream._topics.values()) {
        if (topic._name.equals(name)) {
          throw new IggyServerError(ErrorCodes.TOPIC_NAME_ALREADY_EXISTS);
        }
      }
      long now = _state.nowMicros();
      int id = stream._topics.insert(slot -> new TopicState(slot, name, now, compression,
          expiry == 0 ? Responses.NEVER : expiry, maxSize == 0 ? Responses.NEVER : maxSize,
          replication == 0 ? 1 : replication));
      TopicState topic = stream._topics.get(id);
      for (int i = 0; i < partitions; i++) {
        topic._partitions.add(new PartitionState(i, now));
      }
      WriterBuf out = new WriterBuf();
      Responses.topic(out, topic);
      for (PartitionState partition : topic._partitions) {
        out.u32(partition._id).u64(partition._createdAt).u32(0).u64(0).u64(0).u64(0);
      }
      return out;
    }
  }

  WriterBuf deleteTopic(WireReader in, Session session) {
    requireRoot(session);
    WireId streamId = in.identifier();
    WireId topicId = in.identifier();
    synchronized (_state) {
      StreamState stream = _state.requireStream(streamId);
      stream._topics.remove(ServerState.requireTopic(stream, topicId)._id);
    }
    return null;
  }

  WriterBuf purgeTopic(WireReader in, Session session) {
    requireRoot(session);
    WireId streamId = in.identifier();
    WireId topicId = in.identifier();
    synchronized (_state) {
      ServerState.requireTopic(_state.requireStream(streamId), topicId)._partitions.forEach(PartitionState::purge);
    }
    return null;
  }

  /** CreatePartitions: appends ids old_count .. old_count+n-1 and rebalances consumer groups. */
  WriterBuf createPartitions(WireReader in, Session session) {
    requireRoot(session);
    WireId streamId = in.identifier();
    WireId topicId = in.identifier();
    long count = in.u32();
    if (count < 1 || count > MAX_PARTITIONS) {
      throw new IggyServerError(ErrorCodes.TOO_MANY_PARTITIONS);
    }
    synchronized (_state) {
      TopicState topic = ServerState.requireTopic(_state.requireStream(streamId), topicId);
      long now = _state.nowMicros();
      for (int i = 0; i < count; i++) {
        topic._partitions.add(new PartitionState(topic._partitions.size(), now));
      }
      topic._groups.values().forEach(group -> group.rebalance(topic._partitions.size()));
    }
    return null;
  }

  /** DeletePartitions: removes the highest-numbered N partitions. */
  WriterBuf deletePartitions(WireReader in, Session session) {
    requireRoot(session);
    WireId streamId = in.identifier();
    WireId topicId = in.identifier();
    long count = in.u32();
    synchronized (_state) {
      TopicState topic = ServerState.requireTopic(_state.requireStream(streamId), topicId);
      if (count == 0) {
        throw new IggyServerError(ErrorCodes.TOO_MANY_PARTITIONS);
      }
      if (count > topic._partitions.size()) {
        throw new IggyServerError(ErrorCodes.INVALID_PARTITIONS_COUNT);
      }
      for (int i = 0; i < count; i++) {
        topic._partitions.remove(topic._partitions.size() - 1);
      }
      topic._groups.values().forEach(group -> group.rebalance(topic._partitions.size()));
    }
    return null;
  }

  static void requireRead(UserAccount user, StreamState stream) {
    if (!user.canRead(stream._id)) {
      throw new IggyServerError(ErrorCodes.UNAUTHORIZED);
    }
  }

  static void requireRoot(Session session) {
    if (!session.requireUser().isRoot()) {
      throw new IggyServerError(ErrorCodes.UNAUTHORIZED);
    }
  }
}
