package org.apache.iggy.connector.pinot.client.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.iggy.connector.pinot.client.FailureKind;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.apache.iggy.connector.pinot.client.PollRequest;
import org.apache.iggy.connector.pinot.client.PolledBatch;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.apache.iggy.connector.pinot.config.IggyResourceId;

/**
 * Writes Iggy 0.8 PollMessages requests and reads their answers ({@code partition u32 · current offset u64 · count
 * u32 · messages}, each message a 64-byte header, the payload, then the user headers). Reading copies each payload
 * once and nothing else unless the request keeps metadata; every count and length is checked against the bytes
 * that are really there.
 */
final class PollCodec {
  static final int MESSAGE_HEADER_BYTES = 64;
  private static final int ANSWER_HEADER_BYTES = 16;
  private static final byte[] NO_HEADERS = new byte[0];

  private PollCodec() {
  }

  /** The request payload: consumer (kind 1, id 0: polls never auto-commit, so nothing is stored under it). */
  static ByteBuf request(PollRequest request) {
    ByteBuf out = Unpooled.buffer(64);
    out.writeByte(1);
    out.writeByte(1).writeByte(4).writeIntLE(0);
    identifier(out, request.topic().stream());
    identifier(out, request.topic().topic());
    out.writeByte(1).writeIntLE(request.partitionId());
    switch (request.start().kind()) {
      case OFFSET:
        out.writeByte(1);
        break;
      case TIMESTAMP:
        out.writeByte(2);
        break;
      case FIRST:
        out.writeByte(3);
        break;
      default:
        throw new IllegalArgumentException("unknown poll start " + request.start());
    }
    out.writeLongLE(request.start().value());
    out.writeIntLE(request.count());
    out.writeByte(0);
    return out;
  }

  private static void identifier(ByteBuf out, IggyResourceId id) {
    if (id.isNumeric()) {
      out.writeByte(1).writeByte(4).writeIntLE((int) id.numericId());
    } else {
      byte[] name = id.name().getBytes(StandardCharsets.UTF_8);
      out.writeByte(2).writeByte(name.length).writeBytes(name);
    }
  }

  /**
   * Reads an answer without consuming or releasing it.
   *
   * @throws org.apache.pinot.spi.stream.TransientConsumerException naming the first inconsistency
   */
  static PolledBatch answer(ByteBuf in, boolean keepMetadata, String source) {
    // One view of the answer, read with plain bounds-checked gets instead of Netty's per-call accessibility checks.
    ByteBuffer answer = in.nioBuffer(in.readerIndex(), in.readableBytes()).order(ByteOrder.LITTLE_ENDIAN);
    int end = answer.limit();
    if (end < ANSWER_HEADER_BYTES) {
      throw malformed(source, "the answer has " + end + " bytes, fewer than its 16-byte header");
    }
    int partitionId = answer.getInt(0);
    long currentOffset = answer.getLong(4);
    long count = Integer.toUnsignedLong(answer.getInt(12));
    int index = ANSWER_HEADER_BYTES;
    if (count > (end - index) / MESSAGE_HEADER_BYTES) {
      throw malformed(source, "the answer declares " + count + " messages but only " + (end - index)
          + " bytes follow");
    }
    List<PolledMessage> messages = new ArrayList<>((int) count);
    long previousOffset = -1;
    long payloadBytes = 0;
    for (int i = 0; i < count; i++) {
      if (end - index < MESSAGE_HEADER_BYTES) {
        throw malformed(source, "message " + i + " of " + count + " is cut off in its header");
      }
      long userHeadersLength = Integer.toUnsignedLong(answer.getInt(index + 48));
      long payloadLength = Integer.toUnsignedLong(answer.getInt(index + 52));
      long available = end - index - MESSAGE_HEADER_BYTES;
      if (payloadLength > available || userHeadersLength > available - payloadLength) {
        throw malformed(source, "message " + i + " of " + count + " declares " + payloadLength + " payload and "
            + userHeadersLength + " header bytes but only " + available + " follow");
      }
      long offset = answer.getLong(index + 24);
      if (offset <= previousOffset) {
        throw malformed(source, "message " + i + " has offset " + offset + " after offset " + previousOffset);
      }
      previousOffset = offset;
      byte[] payload = new byte[(int) payloadLength];
      payloadBytes += payloadLength;
      answer.get(index + MESSAGE_HEADER_BYTES, payload);
      byte[] userHeaders = null;
      if (keepMetadata) {
        userHeaders = userHeadersLength == 0 ? NO_HEADERS : new byte[(int) userHeadersLength];
        answer.get(index + MESSAGE_HEADER_BYTES + (int) payloadLength, userHeaders);
      }
      int size = (int) (MESSAGE_HEADER_BYTES + payloadLength + userHeadersLength);
      messages.add(new PolledMessage(offset, answer.getLong(index + 32), answer.getLong(index + 40),
          answer.getLong(index), payload, size, answer.getLong(index + 8), answer.getLong(index + 16), userHeaders));
      index += size;
    }
    return new PolledBatch(partitionId, currentOffset, Collections.unmodifiableList(messages), payloadBytes);
  }

  private static RuntimeException malformed(String source, String problem) {
    return IggyErrors.transientError(FailureKind.OTHER, "malformed poll answer from " + source + ": " + problem,
        null);
  }
}
