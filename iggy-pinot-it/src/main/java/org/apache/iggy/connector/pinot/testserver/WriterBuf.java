package org.apache.iggy.connector.pinot.testserver;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** Writes Iggy 0.8 response primitives (little-endian). */
final class WriterBuf {
  private final ByteBuf _buf;

  WriterBuf() {
    _buf = Unpooled.buffer();
  }

  /** A buffer for an answer of about {@code bytes}, so that a large one is not copied as it grows. */
  WriterBuf(int bytes) {
    _buf = Unpooled.buffer(bytes);
  }

  WriterBuf u8(int value) {
    _buf.writeByte(value);
    return this;
  }

  WriterBuf u32(long value) {
    _buf.writeIntLE((int) value);
    return this;
  }

  WriterBuf u64(long value) {
    _buf.writeLongLE(value);
    return this;
  }

  WriterBuf f32(float value) {
    _buf.writeFloatLE(value);
    return this;
  }

  WriterBuf bytes(byte[] value) {
    _buf.writeBytes(value);
    return this;
  }

  /** u8 length · UTF-8 bytes. */
  WriterBuf name(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    _buf.writeByte(bytes.length);
    _buf.writeBytes(bytes);
    return this;
  }

  /** u32 length · UTF-8 bytes. */
  WriterBuf longString(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    _buf.writeIntLE(bytes.length);
    _buf.writeBytes(bytes);
    return this;
  }

  ByteBuf buf() {
    return _buf;
  }
}
