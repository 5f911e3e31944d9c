package org.apache.iggy.connector.pinot.reader;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@link DeliveredWindow} of every partition this JVM consumed, so that the consumer Pinot creates next for
 * a partition (a new segment, or a re-created consumer) can check the message before its start offset like the
 * consumer before it did. Bounded: the partitions used least recently are forgotten. Lost with the JVM: after a
 * Pinot server restart the first read of each partition cannot be checked.
 */
public final class DeliveredHistory {
  static final int MAX_PARTITIONS = 4096;
  private static final DeliveredHistory GLOBAL = new DeliveredHistory();

  private final Map<PartitionKey, DeliveredWindow> _windows = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<PartitionKey, DeliveredWindow> eldest) {
      return size() > MAX_PARTITIONS;
    }
  };

  /** A history of its own, e.g. for tests; the connector uses {@link #global()}. */
  public DeliveredHistory() {
  }

  /** The history the connector uses. */
  public static DeliveredHistory global() {
    return GLOBAL;
  }

  /** The last window of a partition, or null. */
  synchronized DeliveredWindow get(PartitionKey partitionKey) {
    return _windows.get(partitionKey);
  }

  synchronized void put(PartitionKey partitionKey, DeliveredWindow window) {
    _windows.put(partitionKey, window);
  }
}
