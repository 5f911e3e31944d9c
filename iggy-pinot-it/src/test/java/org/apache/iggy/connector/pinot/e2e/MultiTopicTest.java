package org.apache.iggy.connector.pinot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.iggy.connector.pinot.harness.EmbeddedController;
import org.apache.iggy.connector.pinot.harness.EventsTable;
import org.apache.iggy.connector.pinot.harness.MiniServer;
import org.apache.iggy.connector.pinot.harness.PinotVersionApi;
import org.apache.iggy.connector.pinot.harness.SqlRunner;
import org.apache.iggy.connector.pinot.it.IggyTarget;
import org.apache.pinot.core.data.manager.realtime.RealtimeSegmentDataManager;
import org.apache.pinot.spi.config.table.ingestion.StreamIngestionConfig;
import org.apache.pinot.spi.stream.PartitionLagState;
import org.apache.pinot.spi.stream.StreamMetadataProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-topic table on the real controller and the minimal server: two Iggy topics with different partition counts,
 * each in a stream of its own, in one table's {@code streamConfigMaps}. Pinot numbers the second topic's partition
 * groups from 10000 and hands our plugin the topic's own partition ids; every event of both topics lands once.
 */
class MultiTopicTest {
  private static final String SERVER = "Server_localhost_18097";
  private static final int CLICK_PARTITIONS = 2;
  private static final int ORDER_PARTITIONS = 3;
  private static final int PER_PARTITION = 120;

  @TempDir
  Path _work;

  @Test
  void twoTopicsOnTwoStreamsIngestEveryEventOnceUnderTheirOwnPartitionGroups() throws Exception {
    try (IggyTarget iggy = IggyTarget.start();
        EmbeddedController controller = new EmbeddedController(_work.resolve("controller"), false);
        SqlRunner sql = new SqlRunner()) {
      String clicks = iggy.createTopic("clicks", CLICK_PARTITIONS);
      String orders = iggy.createTopic("orders", ORDER_PARTITIONS);
      long produced = LoopChecks.produce(iggy, clicks, "clicks", CLICK_PARTITIONS, PER_PARTITION, 0);
      long firstOrder = produced;
      produced = LoopChecks.produce(iggy, orders, "orders", ORDER_PARTITIONS, PER_PARTITION, produced);
      assertThat(controller.postJson("/schemas", EventsTable.schema().toSingleLineJsonString()).statusCode())
          .isEqualTo(200);

      File serverDir = _work.resolve("server").toFile();
      try (MiniServer server = new MiniServer(EmbeddedController.CLUSTER, controller.zkUrl(), SERVER, serverDir)) {
        StreamIngestionConfig streams = new StreamIngestionConfig(List.of(streamConfig(iggy, clicks, "clicks"),
            streamConfig(iggy, orders, "orders")));
        HttpResponse<String> table = controller.postJson("/tables", EventsTable.tableConfig(streams)
            .toJsonString());
        assertThat(table.statusCode()).as(table.body()).isEqualTo(200);
        List<Integer> groups = List.of(0, 1, 10_000, 10_001, 10_002);
        LoopChecks.awaitCommitted(controller, server, groups, 2);

        assertThat(LoopChecks.byGroup(controller)).containsOnlyKeys(groups);
        LoopChecks.assertChained(controller);
        LoopChecks.assertExactlyOnce(sql, server, produced);
        Object[] fromOrders = LoopChecks.query(sql, server, "SELECT COUNT(*) FROM events WHERE seq >= "
            + firstOrder).get(0);
        assertThat(((Number) fromOrders[0]).longValue()).as("events of the second topic")
            .isEqualTo((long) ORDER_PARTITIONS * PER_PARTITION);
        assertLagOfTheSecondTopic(server);
      }
    }
  }

  private static Map<String, String> streamConfig(IggyTarget iggy, String stream, String topic) {
    Map<String, String> config = iggy.streamConfig(stream, topic);
    config.put("realtime.segment.flush.threshold.segment.rows", "50");
    config.put("stream.iggy.fetch.timeout.millis", "500");
    return config;
  }

  /** The consuming segment of orders' partition 2 reads Iggy partition 2; its lag comes under Pinot's group id 10002. */
  private static void assertLagOfTheSecondTopic(MiniServer server) throws Exception {
    RealtimeSegmentDataManager segment = LoopChecks.consuming(server, 10_002);
    assertThat(segment).as("a consuming segment of group 10002").isNotNull();
    try {
      assertThat(segment.getStreamPartitionId()).isEqualTo(2);
      StreamMetadataProvider provider = segment.getPartitionMetadataProvider();
      LoopChecks.await("lag of partition 2 down to 0", java.time.Duration.ofSeconds(20), () -> {
        try {
          Map<String, PartitionLagState> lag = provider.getCurrentPartitionLagState(PinotVersionApi.consumerState(
              segment, provider, 2));
          return "0".equals(lag.get("10002").getRecordsLag());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, segment::getCurrentOffset);
    } finally {
      server.table(EventsTable.REALTIME).releaseSegment(segment);
    }
  }
}
