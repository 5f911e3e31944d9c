package org.apache.iggy.connector.pinot.bench;

import net.openhft.hashing.LongHashFunction;

/**
 * An order-sensitive checksum of message payloads: a different, missing, extra or reordered payload changes it.
 * XXH3 keeps its cost (tens of nanoseconds per event) small beside what is measured.
 */
final class PayloadChecksum implements Sink {
  private static final LongHashFunction HASH = LongHashFunction.xx3();
  private long _value;
  private long _count;

  @Override
  public void add(byte[] payload) {
    _value = _value * 0x100000001B3L + HASH.hashBytes(payload);
    _count++;
  }

  @Override
  public long value() {
    return _value;
  }

  long count() {
    return _count;
  }
}
