package org.apache.pinot.core.data.manager.realtime;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pinot.common.metadata.segment.SegmentZKMetadata;
import org.apache.pinot.common.metrics.ServerMetrics;
import org.apache.pinot.common.protocols.SegmentCompletionProtocol;
import org.apache.pinot.common.protocols.SegmentCompletionProtocol.ControllerResponseStatus;
import org.apache.pinot.common.utils.LLCSegmentName;
import org.apache.pinot.segment.local.segment.index.loader.IndexLoadingConfig;
import org.apache.pinot.spi.config.table.TableConfig;
import org.apache.pinot.spi.data.Schema;

/**
 * Pinot's real {@link RealtimeSegmentDataManager} (consumer thread, decoding, transform pipeline, mutable segment,
 * segment build and commit) with only the calls to the lead controller answered locally: "segment consumed" is
 * answered COMMIT at the server's own offset, the upload keeps a copy of the built tar, and stop messages are recorded.
 * It lives in Pinot's package because {@code commit(String)} is package-private.
 */
public class ControllerlessSegmentDataManager extends RealtimeSegmentDataManager {
  private final List<String> _stopReasons = new CopyOnWriteArrayList<>();
  private final File _uploadDir;
  private volatile String _committedEndOffset;
  private volatile int _committedRows = -1;
  private volatile long _consumedNanos;

  public ControllerlessSegmentDataManager(SegmentZKMetadata zkMetadata, TableConfig tableConfig,
      RealtimeTableDataManager tableDataManager, String tableDataDir, IndexLoadingConfig indexLoadingConfig,
      Schema schema, LLCSegmentName segmentName, ServerMetrics serverMetrics, File uploadDir)
      throws Exception {
    super(zkMetadata, tableConfig, tableDataManager, tableDataDir, indexLoadingConfig, schema, segmentName,
        new ConsumerCoordinator(false, tableDataManager), serverMetrics, null, null, () -> true);
    _uploadDir = uploadDir;
  }

  @Override
  protected SegmentCompletionProtocol.Response postSegmentConsumedMsg() {
    _consumedNanos = System.nanoTime();
    _committedEndOffset = getCurrentOffset().toString();
    _committedRows = getSegment().getNumDocsIndexed();
    return new SegmentCompletionProtocol.Response(new SegmentCompletionProtocol.Response.Params()
        .withStatus(ControllerResponseStatus.COMMIT).withStreamPartitionMsgOffset(_committedEndOffset)
        .withBuildTimeSeconds(60).withControllerVipUrl("http://controller.invalid:9000"));
  }

  @Override
  SegmentCompletionProtocol.Response commit(String controllerVipUrl) {
    try {
      File tar = getSegmentBuildDescriptor().getSegmentTarFile();
      Files.copy(tar.toPath(), new File(_uploadDir, tar.getName()).toPath(), StandardCopyOption.REPLACE_EXISTING);
    } catch (Exception e) {
      throw new IllegalStateException("cannot keep the built segment", e);
    }
    return new SegmentCompletionProtocol.Response(new SegmentCompletionProtocol.Response.Params()
        .withStatus(ControllerResponseStatus.COMMIT_SUCCESS));
  }

  @Override
  protected void postStopConsumedMsg(String reason) {
    _stopReasons.add(reason);
  }

  @Override
  protected void hold() {
  }

  /** The reasons the server reported for stopping consumption (a permanent error, too many transient ones). */
  public List<String> stopReasons() {
    return _stopReasons;
  }

  /** The end offset of the committed segment, or null before the commit. */
  public String committedEndOffset() {
    return _committedEndOffset;
  }

  public int committedRows() {
    return _committedRows;
  }

  /** When the consumer thread reached the segment's end criteria ({@link System#nanoTime()}), or 0 before. */
  public long consumedNanos() {
    return _consumedNanos;
  }
}
