package org.apache.iggy.connector.pinot.client;

import java.math.BigInteger;

/**
 * One polled Iggy message. The message id and the user headers are present only when the poll asked for them
 * ({@link PollRequest#keepMetadata()}); the headers stay undecoded until {@link UserHeaders#decode} is called.
 */
public final class PolledMessage {
  private final long _offset;
  private final long _timestampMicros;
  private final long _originTimestampMicros;
  private final long _checksum;
  private final byte[] _payload;
  private final int _sizeInBytes;
  private final long _idLow;
  private final long _idHigh;
  private final byte[] _userHeaders;

  /**
   * @param offset the message offset in its partition
   * @param timestampMicros server append time, microseconds since the epoch
   * @param originTimestampMicros the producer's timestamp, 0 when absent
   * @param checksum the server's checksum over the message
   * @param payload the payload bytes
   * @param sizeInBytes the full message size on the wire (header, payload and user headers)
   * @param idLow the low 64 bits of the 128-bit message id
   * @param idHigh the high 64 bits of the message id
   * @param userHeaders the raw user headers; null when they were not kept
   */
  public PolledMessage(long offset, long timestampMicros, long originTimestampMicros, long checksum, byte[] payload,
      int sizeInBytes, long idLow, long idHigh, byte[] userHeaders) {
    _offset = offset;
    _timestampMicros = timestampMicros;
    _originTimestampMicros = originTimestampMicros;
    _checksum = checksum;
    _payload = payload;
    _sizeInBytes = sizeInBytes;
    _idLow = idLow;
    _idHigh = idHigh;
    _userHeaders = userHeaders;
  }

  public long offset() {
    return _offset;
  }

  public long timestampMicros() {
    return _timestampMicros;
  }

  public long originTimestampMicros() {
    return _originTimestampMicros;
  }

  public long checksum() {
    return _checksum;
  }

  public byte[] payload() {
    return _payload;
  }

  public int sizeInBytes() {
    return _sizeInBytes;
  }

  /** The raw user-headers blob, empty when the message has none, null when the poll did not keep them. */
  public byte[] userHeaders() {
    return _userHeaders;
  }

  /** The 128-bit message id as an unsigned decimal; meaningful only when the poll kept metadata. */
  public String id() {
    if (_idHigh == 0 && _idLow >= 0) {
      return Long.toString(_idLow);
    }
    return new BigInteger(Long.toUnsignedString(_idHigh)).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(
        _idLow))).toString();
  }
}
