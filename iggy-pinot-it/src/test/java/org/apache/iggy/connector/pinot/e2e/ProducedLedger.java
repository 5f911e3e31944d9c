package org.apache.iggy.connector.pinot.e2e;

import java.util.HashMap;
import java.util.Map;

/** Every sequence number the chaos soak produced and the partition it was sent to. */
final class ProducedLedger {
  private final Map<Long, Integer> _partitionOf = new HashMap<>();
  private long _next;

  synchronized long next(int partition) {
    long seq = _next++;
    _partitionOf.put(seq, partition);
    return seq;
  }

  synchronized long produced() {
    return _next;
  }

  synchronized Integer partitionOf(long seq) {
    return _partitionOf.get(seq);
  }
}
