package org.apache.iggy.connector.pinot.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds Iggy 0.8 user-header blobs for tests, well-formed or not. */
public final class HeaderBlobs {
  private HeaderBlobs() {
  }

  /** String keys with String, Long, Integer, Boolean or byte[] values. */
  public static byte[] of(Map<String, Object> headers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    headers.forEach((key, value) -> {
      byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
      if (value instanceof String text) {
        entry(out, 2, keyBytes, 2, text.getBytes(StandardCharsets.UTF_8));
      } else if (value instanceof Long number) {
        entry(out, 2, keyBytes, 7, littleEndian(8).putLong(number).array());
      } else if (value instanceof Integer number) {
        entry(out, 2, keyBytes, 6, littleEndian(4).putInt(number).array());
      } else if (value instanceof Boolean flag) {
        entry(out, 2, keyBytes, 3, new byte[] {(byte) (flag ? 1 : 0)});
      } else {
        entry(out, 2, keyBytes, 1, (byte[]) value);
      }
    });
    return out.toByteArray();
  }

  /** One entry with any kinds and bytes: {@code key kind · key length · key · value kind · value length · value}. */
  public static byte[] entry(int keyKind, byte[] key, int valueKind, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    entry(out, keyKind, key, valueKind, value);
    return out.toByteArray();
  }

  private static void entry(ByteArrayOutputStream out, int keyKind, byte[] key, int valueKind, byte[] value) {
    out.write(keyKind);
    out.writeBytes(littleEndian(4).putInt(key.length).array());
    out.writeBytes(key);
    out.write(valueKind);
    out.writeBytes(littleEndian(4).putInt(value.length).array());
    out.writeBytes(value);
  }

  private static ByteBuffer littleEndian(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
