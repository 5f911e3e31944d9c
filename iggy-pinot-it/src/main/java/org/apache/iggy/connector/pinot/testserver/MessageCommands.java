package org.apache.iggy.connector.pinot.testserver;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** SendMessages and PollMessages with Iggy 0.8's batch validation, offsets, timestamps and checksums. */
final class MessageCommands {
  static final int HEADER_BYTES = 64;
  /** A poll answer's partition id, current offset and message count. */
  private static final int ANSWER_HEADER_BYTES = 16;
  private static final int MAX_USER_HEADERS_BYTES = 100_000;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final ServerState _state;

  MessageCommands(ServerState state) {
    _state = state;
  }

  /**
   * SendMessages: metadata_length u32 · stream · topic · partitioning · messages_count u32 · index table (16 bytes per
   * message) · messages. Offsets, one timestamp for the batch, missing ids and checksums are set by the server.
   */
  WriterBuf send(WireReader in, Session session) {
    UserAccount user = session.requireUser();
    long metadataLength = in.u32();
    if (metadataLength > in.remaining()) {
      throw new IggyServerError(ErrorCodes.INVALID_COMMAND);
    }
    int metadataStart = in.remaining();
    WireId streamId = in.identifier();
    WireId topicId = in.identifier();
    int partitioningKind = in.u8();
    byte[] partitioningValue = in.bytes(in.u8());
    long count = in.u32();
    if (metadataStart - in.remaining() != metadataLength) {
      throw new IggyServerError(ErrorCodes.INVALID_COMMAND);
    }
    checkPartitioning(partitioningKind, partitioningValue);
    List<byte[]> messages = readBatch(in, count);
    synchronized (_state) {
      StreamState stream = _state.requireStream(streamId);
      TopicState topic = ServerState.requireTopic(stream, topicId);
      if (!user.isRoot()) {
        throw new IggyServerError(ErrorCodes.UNAUTHORIZED);
      }
      PartitionState partition = choosePartition(topic, partitioningKind, partitioningValue);
      append(partition, messages, _state.nowMicros());
      _state._persistence.afterSend(partition);
    }
    return null;
  }

  private static void checkPartitioning(int kind, byte[] value) {
    if (kind == 1 && value.length != 0 || kind == 2 && value.length != 4 || kind == 3 && value.length == 0) {
      throw new IggyServerError(ErrorCodes.INVALID_FORMAT);
    }
    if (kind < 1 || kind > 3) {
      throw new IggyServerError(ErrorCodes.INVALID_COMMAND);
    }
  }

  private static List<byte[]> readBatch(WireReader in, long count) {
    if (count == 0) {
      throw new IggyServerError(ErrorCodes.INVALID_MESSAGES_COUNT);
    }
    long[] positions = new long[(int) count];
    for (int i = 0; i < count; i++) {
      if (in.u32() != 0) {
        throw new IggyServerError(ErrorCodes.NON_ZERO_OFFSET);
      }
      positions[i] = in.u32();
      if (in.u64() != 0) {
        throw new IggyServerError(ErrorCodes.NON_ZERO_TIMESTAMP);
      }
    }
    int area = in.remaining();
    List<byte[]> messages = new ArrayList<>();
    long end = 0;
    for (int i = 0; i < count; i++) {
      if (in.remaining() == 0) {
        throw new IggyServerError(ErrorCodes.MISSING_INDEX);
      }
      if (in.remaining() < HEADER_BYTES) {
        throw new IggyServerError(ErrorCodes.TOO_SMALL_MESSAGE);
      }
      byte[] header = in.bytes(HEADER_BYTES);
      long userHeadersLength = readU32(header, 48);
      long payloadLength = readU32(header, 52);
      if (userHeadersLength > MAX_USER_HEADERS_BYTES) {
        throw new IggyServerError(ErrorCodes.TOO_BIG_USER_HEADERS);
      }
      if (payloadLength + userHeadersLength > in.remaining()) {
        throw new IggyServerError(ErrorCodes.INVALID_MESSAGES_SIZE);
      }
      byte[] message = new byte[(int) (HEADER_BYTES + payloadLength + userHeadersLength)];
      System.arraycopy(header, 0, message, 0, HEADER_BYTES);
      System.arraycopy(in.bytes((int) (payloadLength + userHeadersLength)), 0, message, HEADER_BYTES,
          (int) (payloadLength + userHeadersLength));
      end += message.length;
      if (positions[i] != end) {
        throw new IggyServerError(ErrorCodes.INVALID_MESSAGES_SIZE);
      }
      messages.add(message);
    }
    if (end != area) {
      throw new IggyServerError(ErrorCodes.INVALID_MESSAGES_SIZE);
    }
    return messages;
  }

  private static PartitionState choosePartition(TopicState topic, int kind, byte[] value) {
    int partitions = topic._partitions.size();
    if (kind == 2) {
      PartitionState partition = topic.partition(readU32(value, 0));
      if (partition == null) {
        throw new IggyServerError(ErrorCodes.PARTITION_NOT_FOUND);
      }
      return partition;
    }
    if (partitions == 0) {
      throw new IggyServerError(ErrorCodes.TOPIC_ID_NOT_FOUND);
    }
    if (kind == 3) {
      return topic._partitions.get((int) (Integer.toUnsignedLong(Hashes.xxh32(value)) % partitions));
    }
    return topic._partitions.get((int) (topic._balancedCounter++ % partitions));
  }

  static void append(PartitionState partition, List<byte[]> messages, long timestampMicros) {
    for (byte[] message : messages) {
      long offset = partition._nextOffset;
      if (isZero(message, 8, 16)) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        System.arraycopy(id, 0, message, 8, 16);
      }
      writeU64(message, 24, offset);
      writeU64(message, 32, timestampMicros);
      writeU64(message, 0, Hashes.xxh3(message, 8, message.length - 8));
      partition.append(new StoredMessage(offset, timestampMicros, message));
    }
  }

  /**
   * PollMessages: consumer · stream · topic · partition (flag + u32) · strategy (kind u8 + value u64) · count u32 ·
   * auto_commit u8. Answers partition_id u32 · current_offset u64 · count u32 · messages.
   */
  WriterBuf poll(WireReader in, Session session) {
    UserAccount user = session.requireUser();
    WireConsumer consumer = in.consumer();
    WireId streamId = in.identifier();
    WireId topicId = in.identifier();
    long requestedPartition = in.optionalPartition();
    int strategy = in.u8();
    long value = in.u64();
    long count = in.u32();
    boolean autoCommit = in.u8() != 0;
    if (strategy < 1 || strategy > 5) {
      throw new IggyServerError(ErrorCodes.INVALID_COMMAND);
    }
    synchronized (_state) {
      StreamState stream = _state.requireStream(streamId);
      TopicState topic = ServerState.requireTopic(stream, topicId);
      StreamCommands.requireRead(user, stream);
      ConsumerKey key = ConsumerKey.resolve(topic, consumer, session, requestedPartition);
      if (key.partition() == null) {
        return new WriterBuf().u32(0).u64(0).u32(0);
      }
      PartitionState partition = key.partition();
      session._polling = new PartitionRef(stream._name, topic._name, partition._id);
      session._polled.add(session._polling);
      List<StoredMessage> selected = select(partition, strategy, value, count, key.storedOffset());
      if (autoCommit && !selected.isEmpty()) {
        key.store(selected.get(selected.size() - 1).offset());
      }
      int bytes = ANSWER_HEADER_BYTES;
      for (StoredMessage message : selected) {
        bytes += message.bytes().length;
      }
      WriterBuf out = new WriterBuf(bytes).u32(partition._id).u64(partition.currentOffset()).u32(selected.size());
      for (StoredMessage message : selected) {
        out.bytes(message.bytes());
      }
      return out;
    }
  }

  private static List<StoredMessage> select(PartitionState partition, int strategy, long value, long count,
      Long stored) {
    List<StoredMessage> selected = new ArrayList<>();
    if (count == 0 || partition._messages.isEmpty()) {
      return selected;
    }
    long start;
    switch (strategy) {
      case 1:
        if (value > partition.currentOffset()) {
          return selected;
        }
        start = value;
        break;
      case 2:
        start = Long.MAX_VALUE;
        for (StoredMessage message : partition._messages) {
          if (message.timestampMicros() >= value) {
            start = message.offset();
            break;
          }
        }
        break;
      case 3:
        start = partition.firstRetained();
        break;
      case 4:
        start = partition.currentOffset() + 1 - Math.min(count, partition.currentOffset() + 1);
        break;
      default:
        start = stored == null ? partition.firstRetained() : stored + 1;
        break;
    }
    if (start > partition.currentOffset()) {
      return selected;
    }
    for (int i = partition.indexOf(start); i < partition._messages.size() && selected.size() < count; i++) {
      selected.add(partition._messages.get(i));
    }
    return selected;
  }

  private static boolean isZero(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  static long readU32(byte[] bytes, int offset) {
    return (bytes[offset] & 0xFFL) | (bytes[offset + 1] & 0xFFL) << 8 | (bytes[offset + 2] & 0xFFL) << 16
        | (bytes[offset + 3] & 0xFFL) << 24;
  }

  static void writeU64(byte[] bytes, int offset, long value) {
    for (int i = 0; i < 8; i++) {
      bytes[offset + i] = (byte) (value >>> (8 * i));
    }
  }
}
