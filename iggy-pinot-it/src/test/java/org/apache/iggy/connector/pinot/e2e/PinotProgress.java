package org.apache.iggy.connector.pinot.e2e;

import org.apache.iggy.connector.pinot.harness.EventsTable;
import org.apache.iggy.connector.pinot.harness.MiniServer;
import org.apache.pinot.core.data.manager.realtime.RealtimeSegmentDataManager;
import org.apache.pinot.spi.stream.LongMsgOffset;

/** Where the minimal server's consuming segments are: the offset each partition reads next. */
final class PinotProgress {
  private PinotProgress() {
  }

  /** The next offset the consuming segment of {@code partition} reads, -1 while it has none (between segments). */
  static long offset(MiniServer server, int partition) {
    RealtimeSegmentDataManager consuming = LoopChecks.consuming(server, partition);
    if (consuming == null) {
      return -1;
    }
    try {
      return ((LongMsgOffset) consuming.getCurrentOffset()).getOffset();
    } finally {
      server.table(EventsTable.REALTIME).releaseSegment(consuming);
    }
  }
}
