package org.apache.iggy.connector.pinot.testserver;

/** Store, get and delete consumer offsets. */
final class OffsetCommands {
  private final ServerState _state;

  OffsetCommands(ServerState state) {
    _state = state;
  }

  /** StoreConsumerOffset: consumer · stream · topic · partition · offset u64. The offset must exist (else 4100). */
  WriterBuf store(WireReader in, Session session) {
    synchronized (_state) {
      ConsumerKey key = resolve(in, session);
      long offset = in.u64();
      if (key.partition().isEmpty() || offset > key.partition().currentOffset()) {
        throw new IggyServerError(ErrorCodes.INVALID_OFFSET);
      }
      key.store(offset);
    }
    return null;
  }

  /** GetConsumerOffset: answers partition_id · current_offset · stored_offset, or an empty OK on any miss. */
  WriterBuf get(WireReader in, Session session) {
    session.requireUser();
    WireConsumer consumer = in.consumer();
    WireId streamId = in.identifier();
    WireId topicId = in.identifier();
    long partitionId = in.optionalPartition();
    synchronized (_state) {
      TopicState topic = _state.topicOrNull(streamId, topicId);
      if (topic == null) {
        return null;
      }
      PartitionState partition = topic.partition(partitionId < 0 ? 0 : partitionId);
      if (partition == null) {
        return null;
      }
      Long stored = storedWithoutMembership(topic, partition, consumer);
      return stored == null ? null : new WriterBuf().u32(partition._id).u64(partition.currentOffset()).u64(stored);
    }
  }

  WriterBuf delete(WireReader in, Session session) {
    synchronized (_state) {
      ConsumerKey key = resolve(in, session);
      if (key.offsets().remove(key.id()) == null) {
        throw new IggyServerError(ErrorCodes.CONSUMER_OFFSET_NOT_FOUND);
      }
    }
    return null;
  }

  /**
   * Reads consumer · stream · topic · partition and resolves where that consumer's offset lives; a group member that
   * does not own the partition is 3022.
   */
  private ConsumerKey resolve(WireReader in, Session session) {
    UserAccount user = session.requireUser();
    WireConsumer consumer = in.consumer();
    WireId streamId = in.identifier();
    WireId topicId = in.identifier();
    long partitionId = in.optionalPartition();
    StreamState stream = _state.requireStream(streamId);
    TopicState topic = ServerState.requireTopic(stream, topicId);
    StreamCommands.requireRead(user, stream);
    ConsumerKey key = ConsumerKey.resolve(topic, consumer, session, partitionId);
    if (key.partition() == null) {
      throw new IggyServerError(ErrorCodes.NOT_RESOLVED_CONSUMER);
    }
    return key;
  }

  /** Get does not need group membership. */
  private static Long storedWithoutMembership(TopicState topic, PartitionState partition, WireConsumer consumer) {
    WireId id = consumer.id();
    if (!consumer.group()) {
      return partition._consumerOffsets.get(id.isNumeric() ? id.numeric()
          : Integer.toUnsignedLong(Hashes.xxh32(id.name())));
    }
    GroupState group = ServerState.group(topic, id);
    return group == null ? null : partition._groupOffsets.get((long) group._id);
  }
}
