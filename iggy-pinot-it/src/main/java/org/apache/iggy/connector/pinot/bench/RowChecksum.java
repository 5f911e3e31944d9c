package org.apache.iggy.connector.pinot.bench;

import java.util.Objects;
import org.apache.pinot.spi.data.readers.GenericRow;

/** An order-sensitive checksum of decoded rows over the schema's fields, computed alike from the produced events. */
final class RowChecksum {
  private long _value;
  private long _count;

  /** Adds a decoded row; a null row (a payload the decoder rejected) counts as a row of nulls. */
  void add(GenericRow row) {
    if (row == null) {
      add(-1, -1, null, null, null, -1);
      return;
    }
    add(number(row.getValue("seq")), number(row.getValue("duration")), row.getValue("userId"),
        row.getValue("eventType"), row.getValue("deviceId"), number(row.getValue("timestamp")));
  }

  void add(long seq, long duration, Object userId, Object eventType, Object deviceId, long timestamp) {
    long fields = ((seq * 31 + duration) * 31 + timestamp) * 31 + Objects.hashCode(userId);
    fields = (fields * 31 + Objects.hashCode(eventType)) * 31 + Objects.hashCode(deviceId);
    _value = _value * 0x100000001B3L + fields;
    _count++;
  }

  long value() {
    return _value;
  }

  long count() {
    return _count;
  }

  private static long number(Object value) {
    return value instanceof Number number ? number.longValue() : -1;
  }
}
