package org.apache.iggy.connector.pinot.harness;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.File;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.pinot.common.metadata.segment.SegmentZKMetadata;
import org.apache.pinot.common.metrics.ServerMetrics;
import org.apache.pinot.common.restlet.resources.SegmentErrorInfo;
import org.apache.pinot.common.utils.LLCSegmentName;
import org.apache.pinot.core.data.manager.realtime.ControllerlessSegmentDataManager;
import org.apache.pinot.core.data.manager.realtime.RealtimeTableDataManager;
import org.apache.pinot.segment.local.indexsegment.immutable.ImmutableSegmentLoader;
import org.apache.pinot.segment.local.segment.index.loader.IndexLoadingConfig;
import org.apache.pinot.segment.local.segment.virtualcolumn.VirtualColumnProviderFactory;
import org.apache.pinot.segment.spi.ImmutableSegment;
import org.apache.pinot.spi.config.table.TableConfig;
import org.apache.pinot.spi.data.Schema;
import org.apache.pinot.spi.utils.CommonConstants;
import org.mockito.Mockito;

/**
 * One consuming segment of one partition, run by Pinot's real {@code RealtimeSegmentDataManager} through our plugin.
 * Only the table data manager (which needs Helix) is a Mockito double: on commit it loads the built segment from disk
 * as the real one does, and it records segment errors.
 */
public final class ConsumingSegment implements AutoCloseable {
  private final ControllerlessSegmentDataManager _manager;
  private final RealtimeTableDataManager _tableDataManager;
  private final CountDownLatch _committed = new CountDownLatch(1);
  private final AtomicReference<ImmutableSegment> _immutable = new AtomicReference<>();
  private final List<String> _segmentErrors = new CopyOnWriteArrayList<>();
  /** Stopping a manager whose consumer thread never started fails inside Pinot. */
  private boolean _started;

  /**
   * Creates the segment manager, which already creates our consumer and metadata provider as a server does.
   *
   * @param startOffset the start offset the controller would have written to ZooKeeper
   */
  public ConsumingSegment(TableConfig tableConfig, Schema schema, int partition, int sequence, String startOffset,
      File workDir) throws Exception {
    ServerMetrics metrics = ServerStatics.init(tableConfig.getTableName());
    File tableDir = new File(workDir, tableConfig.getTableName());
    File consumerDir = new File(tableDir, "consumers");
    File uploadDir = new File(workDir, "uploaded");
    if (!consumerDir.mkdirs() && !consumerDir.isDirectory() || !uploadDir.mkdirs() && !uploadDir.isDirectory()) {
      throw new IllegalStateException("cannot create " + consumerDir + " and " + uploadDir);
    }
    LLCSegmentName name = new LLCSegmentName(EventsTable.NAME, partition, sequence, System.currentTimeMillis());
    SegmentZKMetadata zkMetadata = new SegmentZKMetadata(name.getSegmentName());
    zkMetadata.setStartOffset(startOffset);
    zkMetadata.setCreationTime(System.currentTimeMillis());
    zkMetadata.setStatus(CommonConstants.Segment.Realtime.Status.IN_PROGRESS);
    IndexLoadingConfig indexLoadingConfig = new IndexLoadingConfig(tableConfig, schema);
    _tableDataManager = tableDataManager(tableConfig, tableDir, consumerDir, indexLoadingConfig);
    Schema segmentSchema = Schema.fromString(schema.toJsonObject().toString());
    VirtualColumnProviderFactory.addBuiltInVirtualColumnsToSegmentSchema(segmentSchema, name.getSegmentName());
    _manager = new ControllerlessSegmentDataManager(zkMetadata, tableConfig, _tableDataManager,
        tableDir.getAbsolutePath(), indexLoadingConfig, segmentSchema, name, metrics, uploadDir);
  }

  private RealtimeTableDataManager tableDataManager(TableConfig tableConfig, File tableDir, File consumerDir,
      IndexLoadingConfig indexLoadingConfig) throws Exception {
    RealtimeTableDataManager tableDataManager = mock(RealtimeTableDataManager.class);
    when(tableDataManager.getInstanceId()).thenReturn(ServerStatics.INSTANCE_ID);
    when(tableDataManager.getTableName()).thenReturn(tableConfig.getTableName());
    when(tableDataManager.getSegmentLock(anyString())).thenReturn(new ReentrantLock());
    when(tableDataManager.getConsumerDir()).thenReturn(consumerDir.getAbsolutePath());
    when(tableDataManager.getStatsHistory()).thenReturn(PinotVersionApi.statsHistory(new File(tableDir,
        "stats.ser")));
    doAnswer(invocation -> {
      _immutable.set(ImmutableSegmentLoader.load(new File(tableDir, invocation.<String>getArgument(0)),
          indexLoadingConfig));
      _committed.countDown();
      return null;
    }).when(tableDataManager).replaceConsumingSegment(anyString(), any());
    doAnswer(invocation -> {
      SegmentErrorInfo error = invocation.getArgument(1);
      _segmentErrors.add(error.getErrorMessage() + "\n" + error.getStackTrace());
      return null;
    }).when(tableDataManager).addSegmentError(anyString(), any());
    return tableDataManager;
  }

  /** Starts Pinot's consumer thread. */
  public void start() {
    _manager.startConsumption();
    _started = true;
  }

  /** Waits for the segment to be built and committed, and returns it as loaded from disk. */
  public ImmutableSegment awaitCommitted(long timeout, TimeUnit unit) throws InterruptedException {
    if (!_committed.await(timeout, unit)) {
      throw new AssertionError("segment not committed; errors " + _segmentErrors + ", stops "
          + _manager.stopReasons());
    }
    return _immutable.get();
  }

  public ControllerlessSegmentDataManager manager() {
    return _manager;
  }

  /** Segment errors Pinot recorded (data loss, consumer errors), as text. */
  public List<String> segmentErrors() {
    return _segmentErrors;
  }

  @Override
  public void close() {
    if (_started) {
      try {
        _manager.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    _manager.offload();
    _manager.destroy();
    ImmutableSegment immutable = _immutable.get();
    if (immutable != null) {
      immutable.destroy();
    }
    // Mockito's inline mock maker holds a mock's answers strongly while the mock is alive; the answers reach this
    // segment, which reaches the mock, so without this every closed segment (and its on-heap dictionaries) stays.
    Mockito.framework().clearInlineMock(_tableDataManager);
  }
}
