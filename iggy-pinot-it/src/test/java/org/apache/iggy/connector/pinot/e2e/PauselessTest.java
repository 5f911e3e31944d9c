package org.apache.iggy.connector.pinot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.iggy.connector.pinot.harness.EmbeddedController;
import org.apache.iggy.connector.pinot.harness.EventsTable;
import org.apache.iggy.connector.pinot.harness.MiniServer;
import org.apache.iggy.connector.pinot.harness.SqlRunner;
import org.apache.iggy.connector.pinot.it.IggyTarget;
import org.apache.pinot.common.metadata.segment.SegmentZKMetadata;
import org.apache.pinot.core.data.manager.realtime.RealtimeSegmentDataManager;
import org.apache.pinot.spi.config.table.TableConfig;
import org.apache.pinot.spi.config.table.ingestion.StreamIngestionConfig;
import org.apache.pinot.spi.utils.CommonConstants.Segment.Realtime.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pauseless consumption ({@code pauselessConsumptionEnabled}) on the real controller and the minimal server: at
 * commit start the controller marks the segment COMMITTING and creates the next one IN_PROGRESS, so the next segment
 * consumes from Iggy while the previous one is still being built and uploaded. One commit is held in the middle (the
 * deep-store move of its commit end, {@link HeldSegmentMoves}) to see that; every event lands once across several
 * commits and a server restart.
 */
class PauselessTest {
  private static final String SERVER = "Server_localhost_18097";
  private static final String TOPIC = "user-events";
  private static final int PARTITIONS = 2;
  private static final int SEGMENT_ROWS = 50;

  @TempDir
  Path _work;

  @Test
  void theNextSegmentConsumesWhileThePreviousCommitsAndEveryEventLandsOnce() throws Exception {
    try (IggyTarget iggy = IggyTarget.start();
        EmbeddedController controller = new EmbeddedController(_work.resolve("controller"), false);
        SqlRunner sql = new SqlRunner()) {
      HeldSegmentMoves.install();
      HeldSegmentMoves.hold(EventsTable.NAME + "__0__0__");
      String stream = iggy.createTopic(TOPIC, PARTITIONS);
      long produced = LoopChecks.produce(iggy, stream, TOPIC, PARTITIONS, SEGMENT_ROWS + 30, 0);
      assertThat(controller.postJson("/schemas", EventsTable.schema().toSingleLineJsonString()).statusCode())
          .isEqualTo(200);
      File serverDir = _work.resolve("server").toFile();
      try (MiniServer server = new MiniServer(EmbeddedController.CLUSTER, controller.zkUrl(), SERVER, serverDir)) {
        HttpResponse<String> table = controller.postJson("/tables", pauselessTable(iggy, stream).toJsonString());
        assertThat(table.statusCode()).as(table.body()).isEqualTo(200);

        LoopChecks.await("the next segment of partition 0 consuming while the first commits", Duration.ofSeconds(30),
            () -> indexedByNextSegment(server) == 30, () -> LoopChecks.byGroup(controller).get(0));
        List<SegmentZKMetadata> partition0 = LoopChecks.byGroup(controller).get(0);
        assertThat(partition0).extracting(SegmentZKMetadata::getStatus)
            .containsExactly(Status.COMMITTING, Status.IN_PROGRESS);
        assertThat(partition0.get(1).getStartOffset()).isEqualTo(partition0.get(0).getEndOffset())
            .isEqualTo(Integer.toString(SEGMENT_ROWS));

        HeldSegmentMoves.release();
        produced = LoopChecks.produce(iggy, stream, TOPIC, PARTITIONS, 2 * SEGMENT_ROWS, produced);
        LoopChecks.awaitCommitted(controller, server, List.of(0, 1), 3);
      }
      produced = LoopChecks.produce(iggy, stream, TOPIC, PARTITIONS, 40, produced);

      try (MiniServer restarted = new MiniServer(EmbeddedController.CLUSTER, controller.zkUrl(), SERVER,
          serverDir)) {
        LoopChecks.awaitCommitted(controller, restarted, List.of(0, 1), 4);
        LoopChecks.assertChained(controller);
        LoopChecks.assertExactlyOnce(sql, restarted, produced);
        assertThat(restarted.errors()).isEmpty();
      }
    }
  }

  private static TableConfig pauselessTable(IggyTarget iggy, String stream) {
    Map<String, String> config = iggy.streamConfig(stream, TOPIC);
    config.put("realtime.segment.flush.threshold.segment.rows", Integer.toString(SEGMENT_ROWS));
    config.put("stream.iggy.fetch.timeout.millis", "500");
    StreamIngestionConfig streams = new StreamIngestionConfig(List.of(config));
    streams.setPauselessConsumptionEnabled(true);
    return EventsTable.tableConfig(streams);
  }

  /** Rows indexed by the consuming segment of partition 0 after its first, or -1 while there is none. */
  private static long indexedByNextSegment(MiniServer server) {
    RealtimeSegmentDataManager segment = LoopChecks.consuming(server, 0);
    if (segment == null) {
      return -1;
    }
    try {
      return segment.getSegmentName().startsWith(EventsTable.NAME + "__0__1__")
          ? segment.getSegment().getNumDocsIndexed() : -1;
    } finally {
      server.table(EventsTable.REALTIME).releaseSegment(segment);
    }
  }
}
