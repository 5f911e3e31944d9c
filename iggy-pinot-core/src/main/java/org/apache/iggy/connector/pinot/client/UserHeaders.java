package org.apache.iggy.connector.pinot.client;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes an Iggy 0.8 user-headers blob: entries of {@code key kind u8 · key length u32 · key · value kind u8 · value
 * length u32 · value}, little-endian. The server stores these bytes unchecked, so every length and kind is checked
 * here and a malformed blob is rejected as a whole with the reason.
 */
public final class UserHeaders {
  private static final int STRING = 2;
  private static final int RAW = 1;

  private UserHeaders() {
  }

  /** A blob that cannot be decoded. */
  public static final class MalformedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MalformedException(String reason) {
      super(reason);
    }
  }

  /**
   * The headers as Java values (String, Boolean, Byte, Short, Integer, Long, Float, Double, BigInteger for 64- and
   * 128-bit unsigned and 128-bit signed values, byte[] for raw values), by key in blob order; a repeated key keeps
   * its last value.
   *
   * @throws MalformedException naming what is wrong and where
   */
  public static Map<String, Object> decode(byte[] blob) {
    Map<String, Object> headers = new LinkedHashMap<>();
    ByteBuffer in = littleEndian(blob);
    while (in.hasRemaining()) {
      int entryStart = in.position();
      int keyKind = kind(in, entryStart);
      byte[] key = bytes(in, entryStart, "key");
      int valueKind = kind(in, entryStart);
      byte[] value = bytes(in, entryStart, "value");
      String name = keyKind == STRING || keyKind == RAW ? new String(key, StandardCharsets.UTF_8)
          : String.valueOf(value(keyKind, key, entryStart));
      headers.put(name, value(valueKind, value, entryStart));
    }
    return headers;
  }

  private static int kind(ByteBuffer in, int entryStart) {
    if (!in.hasRemaining()) {
      throw new MalformedException("header entry at byte " + entryStart + " ends before its value kind");
    }
    return in.get() & 0xFF;
  }

  private static byte[] bytes(ByteBuffer in, int entryStart, String part) {
    if (in.remaining() < 4) {
      throw new MalformedException("header entry at byte " + entryStart + " ends inside its " + part + " length");
    }
    long length = Integer.toUnsignedLong(in.getInt());
    if (length > in.remaining()) {
      throw new MalformedException("header entry at byte " + entryStart + " declares a " + part + " of " + length
          + " bytes but only " + in.remaining() + " remain");
    }
    byte[] bytes = new byte[(int) length];
    in.get(bytes);
    return bytes;
  }

  private static Object value(int kind, byte[] bytes, int entryStart) {
    switch (kind) {
      case RAW:
        return bytes;
      case STRING:
        return new String(bytes, StandardCharsets.UTF_8);
      case 3:
        return sized(bytes, 1, "Bool", entryStart)[0] == 1;
      case 4:
        return sized(bytes, 1, "Int8", entryStart)[0];
      case 5:
        return littleEndian(sized(bytes, 2, "Int16", entryStart)).getShort();
      case 6:
        return littleEndian(sized(bytes, 4, "Int32", entryStart)).getInt();
      case 7:
        return littleEndian(sized(bytes, 8, "Int64", entryStart)).getLong();
      case 8:
        return new BigInteger(reversed(sized(bytes, 16, "Int128", entryStart)));
      case 9:
        return (short) (sized(bytes, 1, "Uint8", entryStart)[0] & 0xFF);
      case 10:
        return littleEndian(sized(bytes, 2, "Uint16", entryStart)).getShort() & 0xFFFF;
      case 11:
        return Integer.toUnsignedLong(littleEndian(sized(bytes, 4, "Uint32", entryStart)).getInt());
      case 12:
        return new BigInteger(1, reversed(sized(bytes, 8, "Uint64", entryStart)));
      case 13:
        return new BigInteger(1, reversed(sized(bytes, 16, "Uint128", entryStart)));
      case 14:
        return littleEndian(sized(bytes, 4, "Float32", entryStart)).getFloat();
      case 15:
        return littleEndian(sized(bytes, 8, "Float64", entryStart)).getDouble();
      default:
        throw new MalformedException("header entry at byte " + entryStart + " has the unknown kind " + kind);
    }
  }

  private static ByteBuffer littleEndian(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] sized(byte[] bytes, int size, String kind, int entryStart) {
    if (bytes.length != size) {
      throw new MalformedException("header entry at byte " + entryStart + " has a " + kind + " value of "
          + bytes.length + " bytes instead of " + size);
    }
    return bytes;
  }

  private static byte[] reversed(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }
}
