package org.apache.iggy.connector.pinot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iggy.connector.pinot.harness.EmbeddedController;
import org.apache.iggy.connector.pinot.harness.EventsTable;
import org.apache.iggy.connector.pinot.harness.MiniServer;
import org.apache.iggy.connector.pinot.harness.SqlRunner;
import org.apache.iggy.connector.pinot.it.IggyTarget;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.pinot.common.metadata.segment.SegmentZKMetadata;
import org.apache.pinot.common.restlet.resources.SegmentErrorInfo;
import org.apache.pinot.common.utils.LLCSegmentName;
import org.apache.pinot.controller.validation.RealtimeSegmentValidationManager;
import org.apache.pinot.segment.local.data.manager.SegmentDataManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partitions added to and deleted from an Iggy topic under a consuming table, on the real controller and the
 * minimal server. Added partitions get consuming segments when the controller's RealtimeSegmentValidationManager runs
 * (run here at once rather than on its schedule), starting at {@code smallest}; a deleted partition ends
 * its consuming segment with our permanent error while the other partitions keep ingesting. Partitions are added and
 * deleted with the Iggy SDK (Iggy 0.8 deletes the highest-numbered ones), so the test also runs on a real server.
 */
class PartitionChangesTest {
  private static final String SERVER = "Server_localhost_18097";
  private static final String TOPIC = "user-events";

  @TempDir
  Path _work;

  @Test
  void addedPartitionsStartAtSmallestAndADeletedOneStopsOnlyItsOwnSegment() throws Exception {
    try (IggyTarget iggy = IggyTarget.start();
        EmbeddedController controller = new EmbeddedController(_work.resolve("controller"), false);
        SqlRunner sql = new SqlRunner()) {
      String stream = iggy.createTopic(TOPIC, 2);
      long produced = LoopChecks.produce(iggy, stream, TOPIC, 2, 30, 0);
      assertThat(controller.postJson("/schemas", EventsTable.schema().toSingleLineJsonString()).statusCode())
          .isEqualTo(200);
      try (MiniServer server = new MiniServer(EmbeddedController.CLUSTER, controller.zkUrl(), SERVER,
          controller.workDir().resolve("server").toFile())) {
        Map<String, String> config = iggy.streamConfig(stream, TOPIC);
        config.put("realtime.segment.flush.threshold.segment.rows", "100000");
        config.put("stream.iggy.fetch.timeout.millis", "200");
        HttpResponse<String> table = controller.postJson("/tables", EventsTable.tableConfig(config).toJsonString());
        assertThat(table.statusCode()).as(table.body()).isEqualTo(200);
        assertThat(LoopChecks.countAndDistinct(sql, server, produced)).containsExactly(produced, produced);

        iggy.admin().partitions().createPartitions(StreamId.of(stream), TopicId.of(TOPIC), 2L);
        produced = produceTo(iggy, stream, List.of(2, 3), 20, produced);
        assertThat(LoopChecks.byGroup(controller)).as("no segment before validation").containsOnlyKeys(0, 1);
        runSegmentValidation(controller);
        LoopChecks.await("consuming segments for the added partitions", Duration.ofSeconds(30),
            () -> LoopChecks.byGroup(controller).keySet().containsAll(List.of(2, 3)),
            () -> LoopChecks.byGroup(controller).keySet());
        assertThat(List.of(2, 3)).allSatisfy(group -> assertThat(LoopChecks.byGroup(controller).get(group))
            .singleElement().extracting(SegmentZKMetadata::getStartOffset).isEqualTo("0"));
        assertThat(LoopChecks.countAndDistinct(sql, server, produced)).as("every event of the added partitions")
            .containsExactly(produced, produced);

        iggy.admin().partitions().deletePartitions(StreamId.of(stream), TopicId.of(TOPIC), 1L);
        LoopChecks.await("the consuming segment of the deleted partition in error", Duration.ofSeconds(30),
            () -> errorOfGroup(server, 3) != null, () -> server.table(EventsTable.REALTIME).getSegmentErrors());
        assertThat(errorOfGroup(server, 3).getStackTrace()).contains("Iggy partition 3 not found");
        assertThat(server.table(EventsTable.REALTIME).getSegmentErrors()).as("errors of other partitions")
            .hasSize(1);
        // The server reports the stopped segment to the controller, which takes it OFFLINE: its rows were never
        // committed, so they leave the table with it.
        String deleted = LoopChecks.byGroup(controller).get(3).get(0).getSegmentName();
        LoopChecks.await("the deleted partition's segment offline and off the server", Duration.ofSeconds(30),
            () -> idealState(controller, deleted).equals(Map.of(SERVER, "OFFLINE")) && !onServer(server, deleted),
            () -> idealState(controller, deleted));
        long lost = 20;

        produced = produceTo(iggy, stream, List.of(0, 1, 2), 25, produced);
        assertThat(LoopChecks.countAndDistinct(sql, server, produced - lost))
            .as("the remaining partitions keep ingesting").containsExactly(produced - lost, produced - lost);
        runSegmentValidation(controller);
        produced = produceTo(iggy, stream, List.of(0, 1, 2), 5, produced);
        assertThat(LoopChecks.countAndDistinct(sql, server, produced - lost))
            .as("and still after the next validation").containsExactly(produced - lost, produced - lost);
        assertThat(LoopChecks.byGroup(controller).get(3)).as("no new segment for the deleted partition")
            .extracting(SegmentZKMetadata::getSegmentName).containsExactly(deleted);
        assertThat(idealState(controller, deleted)).isEqualTo(Map.of(SERVER, "OFFLINE"));
        assertThat(server.errors()).isEmpty();
      }
    }
  }

  /** Runs the controller's RealtimeSegmentValidationManager once, in this thread, as its schedule would. */
  private static void runSegmentValidation(EmbeddedController controller) {
    RealtimeSegmentValidationManager validation = controller.controller().getRealtimeSegmentValidationManager();
    assertThat(validation.isStarted()).as("the validation task runs on the lead controller").isTrue();
    validation.run();
  }

  private static Map<String, String> idealState(EmbeddedController controller, String segment) {
    Map<String, String> instances = controller.controller().getHelixResourceManager()
        .getTableIdealState(EventsTable.REALTIME).getInstanceStateMap(segment);
    return instances == null ? Map.of() : instances;
  }

  private static boolean onServer(MiniServer server, String segment) {
    SegmentDataManager manager = server.table(EventsTable.REALTIME).acquireSegment(segment);
    if (manager == null) {
      return false;
    }
    server.table(EventsTable.REALTIME).releaseSegment(manager);
    return true;
  }

  private static SegmentErrorInfo errorOfGroup(MiniServer server, int group) {
    return server.table(EventsTable.REALTIME).getSegmentErrors().entrySet().stream()
        .filter(error -> new LLCSegmentName(error.getKey()).getPartitionGroupId() == group).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  private static long produceTo(IggyTarget iggy, String stream, List<Integer> partitions, int perPartition,
      long firstSeq) {
    long seq = firstSeq;
    for (int partition : partitions) {
      List<Message> events = new ArrayList<>();
      for (int i = 0; i < perPartition; i++) {
        events.add(Message.of(EventsTable.event(seq++, System.currentTimeMillis())));
      }
      iggy.send(stream, TOPIC, partition, events);
    }
    return seq;
  }
}
