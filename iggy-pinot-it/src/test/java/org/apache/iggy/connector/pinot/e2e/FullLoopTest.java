package org.apache.iggy.connector.pinot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.iggy.connector.pinot.harness.EmbeddedController;
import org.apache.iggy.connector.pinot.harness.EventsTable;
import org.apache.iggy.connector.pinot.harness.MiniServer;
import org.apache.iggy.connector.pinot.harness.SqlRunner;
import org.apache.iggy.connector.pinot.it.IggyTarget;
import org.apache.pinot.common.metadata.segment.SegmentZKMetadata;
import org.apache.pinot.common.utils.LLCSegmentName;
import org.apache.pinot.segment.local.data.manager.SegmentDataManager;
import org.apache.pinot.segment.local.data.manager.TableDataManager;
import org.apache.pinot.segment.spi.IndexSegment;
import org.apache.pinot.spi.utils.CommonConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Level 3: the real controller and a minimal server built from pinot-core's data managers consume four Iggy
 * partitions through our plugin; segments commit through the real completion protocol over HTTP.
 */
class FullLoopTest {
  private static final String TOPIC = "user-events";
  private static final int PARTITIONS = 4;
  private static final int PER_PARTITION = 160;
  private static final String SERVER = "Server_localhost_18097";

  @TempDir
  Path _work;

  @Test
  void everyPartitionCommitsChainedSegmentsAndAServerRestartResumesFromZooKeeper() throws Exception {
    try (IggyTarget iggy = IggyTarget.start();
        EmbeddedController controller = new EmbeddedController(_work.resolve("controller"), false);
        SqlRunner sql = new SqlRunner()) {
      String stream = iggy.createTopic(TOPIC, PARTITIONS);
      long produced = LoopChecks.produce(iggy, stream, TOPIC, PARTITIONS, PER_PARTITION, 0);
      Map<String, String> config = iggy.streamConfig(stream, TOPIC);
      config.put("realtime.segment.flush.threshold.rows", Integer.toString(50 * PARTITIONS));
      config.put("stream.iggy.fetch.timeout.millis", "500");
      assertThat(controller.postJson("/schemas", EventsTable.schema().toSingleLineJsonString()).statusCode())
          .isEqualTo(200);

      File serverDir = _work.resolve("server").toFile();
      try (MiniServer server = new MiniServer(EmbeddedController.CLUSTER, controller.zkUrl(), SERVER, serverDir)) {
        HttpResponse<String> table = controller.postJson("/tables", EventsTable.tableConfig(config).toJsonString());
        assertThat(table.statusCode()).as(table.body()).isEqualTo(200);
        awaitCommitted(controller, server, 3);
      }
      produced = LoopChecks.produce(iggy, stream, TOPIC, PARTITIONS, PER_PARTITION, produced);

      try (MiniServer restarted = new MiniServer(EmbeddedController.CLUSTER, controller.zkUrl(), SERVER,
          serverDir)) {
        awaitCommitted(controller, restarted, 6);
        assertChained(controller);
        assertRows(sql, restarted, produced);
      }
    }
  }

  private static void awaitCommitted(EmbeddedController controller, MiniServer server, int segments)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (committedPerPartition(controller).values().stream().anyMatch(done -> done < segments)) {
      assertThat(server.errors()).isEmpty();
      assertThat(System.nanoTime()).as("%s committed segments per partition in time: %s", segments,
          committedPerPartition(controller)).isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  private static void assertChained(EmbeddedController controller) {
    Map<Integer, List<SegmentZKMetadata>> byPartition = segmentsByPartition(controller);
    assertThat(byPartition).hasSize(PARTITIONS);
    for (List<SegmentZKMetadata> segments : byPartition.values()) {
      for (int i = 1; i < segments.size(); i++) {
        assertThat(segments.get(i).getStartOffset()).as("starts where the previous ended")
            .isEqualTo(segments.get(i - 1).getEndOffset());
      }
    }
  }

  /** COUNT(*) and COUNT(DISTINCT seq) over every segment the server holds equal what was produced. */
  private static void assertRows(SqlRunner sql, MiniServer server, long produced) throws Exception {
    TableDataManager tableManager = server.table(EventsTable.REALTIME);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<Object[]> rows;
    while (true) {
      List<SegmentDataManager> acquired = tableManager.acquireAllSegments();
      try {
        List<IndexSegment> segments = new ArrayList<>();
        acquired.forEach(manager -> segments.add(manager.getSegment()));
        rows = sql.rows("SELECT COUNT(*), COUNT(DISTINCT seq), MIN(seq), MAX(seq) FROM events", segments);
      } finally {
        acquired.forEach(tableManager::releaseSegment);
      }
      if (((Number) rows.get(0)[0]).longValue() >= produced || System.nanoTime() > deadline) {
        break;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    assertThat(((Number) rows.get(0)[0]).longValue()).isEqualTo(produced);
    assertThat(((Number) rows.get(0)[1]).longValue()).as("no duplicate").isEqualTo(produced);
    assertThat(((Number) rows.get(0)[2]).longValue()).isZero();
    assertThat(((Number) rows.get(0)[3]).longValue()).as("no gap").isEqualTo(produced - 1);
  }

  private static Map<Integer, List<SegmentZKMetadata>> segmentsByPartition(EmbeddedController controller) {
    Map<Integer, List<SegmentZKMetadata>> byPartition = new TreeMap<>();
    for (SegmentZKMetadata segment : controller.segments(EventsTable.REALTIME)) {
      byPartition.computeIfAbsent(new LLCSegmentName(segment.getSegmentName()).getPartitionGroupId(),
          partition -> new ArrayList<>()).add(segment);
    }
    byPartition.values().forEach(segments -> segments.sort(Comparator.comparingInt(
        segment -> new LLCSegmentName(segment.getSegmentName()).getSequenceNumber())));
    return byPartition;
  }

  private static Map<Integer, Long> committedPerPartition(EmbeddedController controller) {
    Map<Integer, Long> done = new TreeMap<>();
    for (int partition = 0; partition < PARTITIONS; partition++) {
      done.put(partition, 0L);
    }
    segmentsByPartition(controller).forEach((partition, segments) -> done.put(partition, segments.stream()
        .filter(s -> s.getStatus() == CommonConstants.Segment.Realtime.Status.DONE).count()));
    return done;
  }
}
