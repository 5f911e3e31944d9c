package org.apache.iggy.connector.pinot.demo;

import java.util.Arrays;
import java.util.List;
import org.apache.iggy.connector.pinot.harness.EmbeddedController;
import org.apache.iggy.connector.pinot.harness.MiniServer;
import org.apache.pinot.common.utils.LLCSegmentName;
import org.apache.pinot.core.data.manager.realtime.RealtimeSegmentDataManager;
import org.apache.pinot.segment.local.data.manager.SegmentDataManager;
import org.apache.pinot.segment.local.data.manager.TableDataManager;
import org.apache.pinot.spi.utils.CommonConstants;

/** Reads how far Pinot has got: rows in the server's segments, consuming offsets, committed segments in ZooKeeper. */
final class IngestionProgress {
  private final EmbeddedController _controller;
  private final MiniServer _server;
  private final String _table;
  private final int _partitions;

  IngestionProgress(EmbeddedController controller, MiniServer server, String tableNameWithType, int partitions) {
    _controller = controller;
    _server = server;
    _table = tableNameWithType;
    _partitions = partitions;
  }

  /**
   * @param ingested rows in the server's segments
   * @param lag per partition, messages produced but not yet consumed ({@code -1} while no segment consumes it)
   * @param committedSegments segments the controller marked DONE
   */
  record Snapshot(long produced, long ingested, long[] lag, long committedSegments) {
  }

  Snapshot take(ProducedEvents produced) {
    long[] lag = new long[_partitions];
    Arrays.fill(lag, -1);
    long ingested = 0;
    TableDataManager table = _server.table(_table);
    List<SegmentDataManager> segments = table.acquireAllSegments();
    try {
      for (SegmentDataManager segment : segments) {
        ingested += segment.getSegment().getSegmentMetadata().getTotalDocs();
        if (segment instanceof RealtimeSegmentDataManager consuming) {
          int partition = new LLCSegmentName(segment.getSegmentName()).getPartitionGroupId();
          long offset = Long.parseLong(consuming.getCurrentOffset().toString());
          lag[partition] = Math.max(0, produced.partition(partition) - offset);
        }
      }
    } finally {
      segments.forEach(table::releaseSegment);
    }
    long committed = _controller.segments(_table).stream()
        .filter(s -> s.getStatus() == CommonConstants.Segment.Realtime.Status.DONE).count();
    return new Snapshot(produced.total(), ingested, lag, committed);
  }
}
