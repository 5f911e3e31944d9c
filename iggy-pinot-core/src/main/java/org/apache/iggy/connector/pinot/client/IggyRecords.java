package org.apache.iggy.connector.pinot.client;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderKind;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.MessageHeader;

/** Converts the SDK's messages into {@link IggyRecord}s, with user headers as plain Java values. */
final class IggyRecords {
  /** Size of the fixed Iggy message header on the wire. */
  static final int MESSAGE_HEADER_BYTES = 64;

  private IggyRecords() {
  }

  static IggyRecord fromSdk(Message message) {
    MessageHeader header = message.header();
    Map<String, Object> headers = headers(message.userHeaders());
    long userHeadersLength = header.userHeadersLength() == null ? 0 : header.userHeadersLength();
    int size = (int) Math.min(Integer.MAX_VALUE, MESSAGE_HEADER_BYTES + (long) message.payload().length
        + userHeadersLength);
    return new IggyRecord(header.offset().longValue(), header.timestamp().longValue(),
        header.originTimestamp().longValue(), header.id().toBigInteger().toString(), message.payload(), headers, size);
  }

  static Map<String, Object> headers(Map<HeaderKey, HeaderValue> userHeaders) {
    if (userHeaders == null || userHeaders.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, Object> headers = new LinkedHashMap<>();
    for (Map.Entry<HeaderKey, HeaderValue> entry : userHeaders.entrySet()) {
      headers.put(keyName(entry.getKey()), value(entry.getValue()));
    }
    return headers;
  }

  private static String keyName(HeaderKey key) {
    return key.kind() == HeaderKind.String || key.kind() == HeaderKind.Raw
        ? new String(key.value(), StandardCharsets.UTF_8) : String.valueOf(value(new HeaderValue(key.kind(),
        key.value())));
  }

  static Object value(HeaderValue value) {
    switch (value.kind()) {
      case String:
        return value.asString();
      case Bool:
        return value.asBool();
      case Int8:
        return value.asInt8();
      case Int16:
        return value.asInt16();
      case Int32:
        return value.asInt32();
      case Int64:
        return value.asInt64();
      case Uint8:
        return value.asUint8();
      case Uint16:
        return value.asUint16();
      case Uint32:
        return value.asUint32();
      case Uint64:
      case Uint128:
        return unsignedLittleEndian(value.value());
      case Int128:
        return signedLittleEndian(value.value());
      case Float32:
        return value.asFloat32();
      case Float64:
        return value.asFloat64();
      default:
        return value.value().clone();
    }
  }

  private static BigInteger unsignedLittleEndian(byte[] bytes) {
    return new BigInteger(1, reversed(bytes));
  }

  private static BigInteger signedLittleEndian(byte[] bytes) {
    return new BigInteger(reversed(bytes));
  }

  private static byte[] reversed(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }
}
