package org.apache.iggy.connector.pinot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.pinot.spi.utils.CommonConstants.Segment.Realtime.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operating a table over Iggy through the real controller, with the minimal server: pause and resume through the
 * controller's REST API, and Pinot's consumption rate limiter on our consumer.
 */
class PauseResumeAndRateLimitTest {
  private static final String SERVER = "Server_localhost_18097";
  private static final String TOPIC = "user-events";
  private static final int PARTITIONS = 2;

  @TempDir
  Path _work;

  /**
   * Pausing commits the consuming segments and starts none; events produced meanwhile stay in Iggy. Resuming from
   * {@code largest} starts at Iggy's next offsets (skipping them), resuming from {@code smallest} at offset 0.
   */
  @Test
  void pauseCommitsAndStopsAndResumeStartsWhereAsked() throws Exception {
    try (IggyTarget iggy = IggyTarget.start();
        EmbeddedController controller = new EmbeddedController(_work.resolve("controller"), false);
        SqlRunner sql = new SqlRunner()) {
      String stream = iggy.createTopic(TOPIC, PARTITIONS);
      long produced = LoopChecks.produce(iggy, stream, TOPIC, PARTITIONS, 100, 0);
      try (MiniServer server = startTable(iggy, stream, controller, Map.of())) {
        assertThat(LoopChecks.countAndDistinct(sql, server, produced)).containsExactly(produced, produced);

        pause(controller);
        assertThat(LoopChecks.byGroup(controller).values()).allSatisfy(segments -> assertThat(segments)
            .singleElement().satisfies(segment -> assertThat(segment.getEndOffset()).isEqualTo("100")));
        long skipped = LoopChecks.produce(iggy, stream, TOPIC, PARTITIONS, 50, produced);
        assertThat(consuming(controller)).as("no consuming segment while paused").isEmpty();

        resume(controller, "largest", "150");
        long afterResume = LoopChecks.produce(iggy, stream, TOPIC, PARTITIONS, 25, skipped);
        long expected = produced + (afterResume - skipped);
        assertThat(LoopChecks.countAndDistinct(sql, server, expected)).containsExactly(expected, expected);
        assertThat(count(sql, server, "seq >= " + produced + " AND seq < " + skipped))
            .as("events produced while paused are skipped by largest").isZero();

        pause(controller);
        resume(controller, "smallest", "0");
        long all = afterResume;
        assertThat(LoopChecks.countAndDistinct(sql, server, expected + all))
            .as("smallest re-reads every partition from offset 0").containsExactly(expected + all, all);
        assertThat(server.errors()).isEmpty();
      }
    }
  }

  /** {@code topic.consumption.rate.limit} holds our consumer to the set rate, within 20%, measured over 2 s. */
  @Test
  void theConsumptionRateLimitThrottlesOurConsumer() throws Exception {
    int rate = 250;
    try (IggyTarget iggy = IggyTarget.start();
        EmbeddedController controller = new EmbeddedController(_work.resolve("controller"), false)) {
      String stream = iggy.createTopic(TOPIC, 1);
      LoopChecks.produce(iggy, stream, TOPIC, 1, 4 * rate, 0);
      try (MiniServer server = startTable(iggy, stream, controller, Map.of("topic.consumption.rate.limit",
          Integer.toString(rate), "stream.iggy.poll.batch.size", "10"))) {
        LoopChecks.await("a consuming segment", Duration.ofSeconds(30), () -> indexed(server) >= 0, () -> "none");
        // Past the limiter's burst: Guava's RateLimiter stores up to a second of permits while idle.
        LoopChecks.await("warm-up", Duration.ofSeconds(10), () -> indexed(server) >= rate * 3 / 2,
            () -> indexed(server));
        long startDocs = indexed(server);
        long start = System.nanoTime();
        LoopChecks.await("2 s worth of events", Duration.ofSeconds(10), () -> indexed(server) >= startDocs + 2L * rate,
            () -> indexed(server));
        double measured = (indexed(server) - startDocs) / ((System.nanoTime() - start) / 1e9);
        assertThat(measured).as("events per second").isBetween(rate * 0.8, rate * 1.2);
      }
    }
  }

  private static MiniServer startTable(IggyTarget iggy, String stream, EmbeddedController controller,
      Map<String, String> overrides) throws Exception {
    Map<String, String> config = iggy.streamConfig(stream, TOPIC);
    config.put("realtime.segment.flush.threshold.segment.rows", "100000");
    config.put("stream.iggy.fetch.timeout.millis", "200");
    config.putAll(overrides);
    assertThat(controller.postJson("/schemas", EventsTable.schema().toSingleLineJsonString()).statusCode())
        .isEqualTo(200);
    MiniServer server = new MiniServer(EmbeddedController.CLUSTER, controller.zkUrl(), SERVER,
        controller.workDir().resolve("server").toFile());
    HttpResponse<String> table = controller.postJson("/tables", EventsTable.tableConfig(config).toJsonString());
    assertThat(table.statusCode()).as(table.body()).isEqualTo(200);
    return server;
  }

  /**
   * Pauses the table and waits until every segment is committed and the ideal state holds no consuming segment: the
   * controller marks a segment DONE in ZooKeeper before it moves the segment to ONLINE in the ideal state, which the
   * pause status reads.
   */
  private static void pause(EmbeddedController controller) throws Exception {
    HttpResponse<String> paused = controller.postJson("/tables/" + EventsTable.NAME + "/pauseConsumption", "");
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    LoopChecks.await("every segment committed", Duration.ofSeconds(30), () -> controller.segments(
        EventsTable.REALTIME).stream().allMatch(s -> s.getStatus() == Status.DONE), () -> controller.segments(
        EventsTable.REALTIME));
    LoopChecks.await("no consuming segment in the pause status", Duration.ofSeconds(30),
        () -> pauseStatus(controller).contains("\"consumingSegments\":[]"), () -> pauseStatus(controller));
    assertThat(pauseStatus(controller)).contains("\"pauseFlag\":true");
  }

  private static String pauseStatus(EmbeddedController controller) {
    try {
      return controller.get("/tables/" + EventsTable.NAME + "/pauseStatus").body();
    } catch (Exception e) {
      throw new IllegalStateException("pause status: " + e, e);
    }
  }

  /** Resumes from {@code consumeFrom}; each partition's new consuming segment starts at {@code startOffset}. */
  private static void resume(EmbeddedController controller, String consumeFrom, String startOffset)
      throws Exception {
    HttpResponse<String> resumed = controller.postJson("/tables/" + EventsTable.NAME
        + "/resumeConsumption?consumeFrom=" + consumeFrom, "");
    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
    LoopChecks.await("a consuming segment per partition", Duration.ofSeconds(30), () -> consuming(controller).size()
        == PARTITIONS, () -> controller.segments(EventsTable.REALTIME));
    assertThat(consuming(controller)).extracting(SegmentZKMetadata::getStartOffset).containsOnly(startOffset);
  }

  private static List<SegmentZKMetadata> consuming(EmbeddedController controller) {
    return controller.segments(EventsTable.REALTIME).stream().filter(s -> s.getStatus() == Status.IN_PROGRESS)
        .toList();
  }

  private static long count(SqlRunner sql, MiniServer server, String where) throws Exception {
    return ((Number) LoopChecks.query(sql, server, "SELECT COUNT(*) FROM events WHERE " + where).get(0)[0])
        .longValue();
  }

  /** Rows indexed so far by partition 0's consuming segment, or -1 before it exists. */
  private static long indexed(MiniServer server) {
    RealtimeSegmentDataManager segment = LoopChecks.consuming(server, 0);
    if (segment == null) {
      return -1;
    }
    try {
      return segment.getSegment().getNumDocsIndexed();
    } finally {
      server.table(EventsTable.REALTIME).releaseSegment(segment);
    }
  }
}
