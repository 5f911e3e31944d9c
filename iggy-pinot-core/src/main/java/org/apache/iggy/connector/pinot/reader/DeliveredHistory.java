package org.apache.iggy.connector.pinot.reader;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last {@link DeliveredWindow} of every partition this JVM consumed, so that the consumer Pinot creates next for
 * a partition (a new segment, or a re-created consumer) can check the message before its start offset like the
 * consumer before it did. Every fetch updates its partition's entry without a lock that the consumers of other
 * partitions take. Bounded: beyond {@link #MAX_PARTITIONS} the partitions updated least recently are forgotten. Lost
 * with the JVM: after a Pinot server restart the first read of each partition cannot be checked.
 */
public final class DeliveredHistory {
  static final int MAX_PARTITIONS = 4096;
  private static final DeliveredHistory GLOBAL = new DeliveredHistory();

  private final Map<PartitionKey, Entry> _windows = new ConcurrentHashMap<>();
  private final AtomicLong _updates = new AtomicLong();

  /** A history of its own, e.g. for tests; the connector uses {@link #global()}. */
  public DeliveredHistory() {
  }

  /** The history the connector uses. */
  public static DeliveredHistory global() {
    return GLOBAL;
  }

  /** The last window of a partition, or null. */
  DeliveredWindow get(PartitionKey partitionKey) {
    Entry entry = _windows.get(partitionKey);
    return entry == null ? null : entry.window();
  }

  void put(PartitionKey partitionKey, DeliveredWindow window) {
    if (_windows.put(partitionKey, new Entry(window, _updates.incrementAndGet())) == null
        && _windows.size() > MAX_PARTITIONS) {
      forgetLeastRecentlyUpdated();
    }
  }

  /** Only when a partition is added beyond the bound, which a server consuming fewer partitions never reaches. */
  private synchronized void forgetLeastRecentlyUpdated() {
    while (_windows.size() > MAX_PARTITIONS) {
      Map.Entry<PartitionKey, Entry> eldest = null;
      for (Map.Entry<PartitionKey, Entry> candidate : _windows.entrySet()) {
        if (eldest == null || candidate.getValue().update() < eldest.getValue().update()) {
          eldest = candidate;
        }
      }
      if (eldest == null) {
        return;
      }
      _windows.remove(eldest.getKey(), eldest.getValue());
    }
  }

  private record Entry(DeliveredWindow window, long update) {
  }
}
