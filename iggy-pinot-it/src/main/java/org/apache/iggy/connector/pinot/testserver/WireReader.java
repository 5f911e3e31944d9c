package org.apache.iggy.connector.pinot.testserver;

import io.netty.buffer.ByteBuf;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads Iggy 0.8 request primitives (little-endian). A truncated payload is {@code InvalidCommand} (3), a value
 * that fails validation is {@code InvalidFormat} (4) and an unknown enum discriminant is {@code InvalidCommand}, as
 * the server's request decoding does before any handler runs.
 */
final class WireReader {
  private final ByteBuf _buf;

  WireReader(ByteBuf buf) {
    _buf = buf;
  }

  int u8() {
    need(1);
    return _buf.readUnsignedByte();
  }

  long u32() {
    need(4);
    return _buf.readUnsignedIntLE();
  }

  long u64() {
    need(8);
    return _buf.readLongLE();
  }

  byte[] bytes(int length) {
    need(length);
    byte[] out = new byte[length];
    _buf.readBytes(out);
    return out;
  }

  int remaining() {
    return _buf.readableBytes();
  }

  /** kind u8 (1 numeric, 2 string) · len u8 · value. */
  WireId identifier() {
    int kind = u8();
    int length = u8();
    if (kind == 1) {
      if (length != 4) {
        throw new IggyServerError(ErrorCodes.INVALID_FORMAT);
      }
      return new WireId(u32(), null);
    }
    if (kind == 2) {
      if (length == 0) {
        throw new IggyServerError(ErrorCodes.INVALID_FORMAT);
      }
      return new WireId(-1, utf8(bytes(length)));
    }
    throw new IggyServerError(ErrorCodes.INVALID_COMMAND);
  }

  /** u8 length (1..255) · UTF-8 bytes. */
  String name() {
    int length = u8();
    if (length == 0) {
      throw new IggyServerError(ErrorCodes.INVALID_FORMAT);
    }
    return utf8(bytes(length));
  }

  /** u8 length · UTF-8 bytes, length may be 0. */
  String shortString() {
    return utf8(bytes(u8()));
  }

  /** u32 length · UTF-8 bytes. */
  String longString() {
    long length = u32();
    return utf8(bytes((int) length));
  }

  /** flag u8 · u32: the partition id when the flag is 1, else -1. */
  long optionalPartition() {
    int flag = u8();
    long id = u32();
    return flag == 1 ? id : -1;
  }

  /** kind u8 (1 consumer, 2 group) · identifier. */
  WireConsumer consumer() {
    int kind = u8();
    if (kind != 1 && kind != 2) {
      throw new IggyServerError(ErrorCodes.INVALID_COMMAND);
    }
    return new WireConsumer(kind == 2, identifier());
  }

  private void need(int length) {
    if (_buf.readableBytes() < length) {
      throw new IggyServerError(ErrorCodes.INVALID_COMMAND);
    }
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IggyServerError(ErrorCodes.INVALID_FORMAT);
    }
  }
}
