package org.apache.iggy.connector.pinot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.apache.iggy.connector.pinot.harness.EmbeddedController;
import org.apache.iggy.connector.pinot.harness.EventsTable;
import org.apache.iggy.connector.pinot.harness.MiniServer;
import org.apache.iggy.connector.pinot.harness.PinotVersionApi;
import org.apache.iggy.connector.pinot.harness.SqlRunner;
import org.apache.iggy.connector.pinot.it.IggyTarget;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.topic.CompressionAlgorithm;
import org.apache.pinot.common.metadata.segment.SegmentZKMetadata;
import org.apache.pinot.common.utils.TarCompressionUtils;
import org.apache.pinot.core.data.manager.realtime.RealtimeSegmentDataManager;
import org.apache.pinot.segment.local.indexsegment.immutable.ImmutableSegmentLoader;
import org.apache.pinot.segment.local.realtime.writer.StatelessRealtimeSegmentWriter;
import org.apache.pinot.segment.local.segment.index.loader.IndexLoadingConfig;
import org.apache.pinot.segment.spi.ImmutableSegment;
import org.apache.pinot.spi.config.table.TableConfig;
import org.apache.pinot.spi.config.table.ingestion.StreamIngestionConfig;
import org.apache.pinot.spi.stream.PartitionLagState;
import org.apache.pinot.spi.stream.StreamConfig;
import org.apache.pinot.spi.stream.StreamConsumerFactoryProvider;
import org.apache.pinot.spi.stream.StreamMetadataProvider;
import org.apache.pinot.spi.utils.IngestionConfigUtils;
import org.apache.pinot.spi.utils.ReadMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-topic table on the real controller and the minimal server: two Iggy topics with different partition counts,
 * each in a stream of its own, in one table's {@code streamConfigMaps}. Pinot numbers the second topic's partition
 * groups from 10000 and hands our plugin the topic's own partition ids; every event of both topics lands once. The
 * same table shows lag, re-ingestion and topic listing per stream config.
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
        assertTopicListing(controller, iggy, clicks);
        assertReingestion(controller, sql, _work.resolve("reingestion"));
      }
    }
  }

  /**
   * Pinot 1.5.1's StatelessRealtimeSegmentWriter (re-ingestion of a segment, used by pauseless recovery) reads the
   * first stream config for every partition group and passes the group id untranslated: a segment of the first topic
   * is re-ingested row for row, one of the second topic is refused with our message instead of ingesting partition 1
   * of the first topic.
   */
  private static void assertReingestion(EmbeddedController controller, SqlRunner sql, Path dataDir)
      throws Exception {
    TableConfig tableConfig = controller.controller().getHelixResourceManager().getTableConfig(EventsTable.REALTIME);
    IndexLoadingConfig loading = new IndexLoadingConfig(tableConfig, EventsTable.schema());
    loading.setTableDataDir(Files.createDirectories(dataDir).toString());
    SegmentZKMetadata clicks = LoopChecks.byGroup(controller).get(1).get(0);
    try (StatelessRealtimeSegmentWriter writer = new StatelessRealtimeSegmentWriter(clicks, loading,
        new Semaphore(1))) {
      writer.startConsumption();
      LoopChecks.await("re-ingestion of " + clicks.getSegmentName(), Duration.ofSeconds(20), writer::isDoneConsuming,
          writer::getConsumptionException);
      assertThat(writer.isSuccess()).as("%s", writer.getConsumptionException()).isTrue();
      File tarball = writer.buildSegment();
      File untarred = TarCompressionUtils.untar(tarball, tarball.getParentFile()).get(0);
      ImmutableSegment rebuilt = ImmutableSegmentLoader.load(untarred, ReadMode.heap);
      try {
        Object[] row = sql.rows("SELECT COUNT(*), COUNT(DISTINCT seq) FROM events", List.of(rebuilt)).get(0);
        assertThat(((Number) row[0]).longValue()).isEqualTo(clicks.getTotalDocs());
        assertThat(((Number) row[1]).longValue()).isEqualTo(clicks.getTotalDocs());
      } finally {
        rebuilt.destroy();
      }
    }
    SegmentZKMetadata orders = LoopChecks.byGroup(controller).get(10_001).get(0);
    assertThatThrownBy(() -> new StatelessRealtimeSegmentWriter(orders, loading, new Semaphore(1)))
        .hasStackTraceContaining("a multi-topic partition group id (partition 1 of the table's stream config #1)");
  }

  /**
   * Pinot 1.5.1's controller has no API that lists a stream's topics, so the listing goes through Pinot's own
   * factory lookup for each stream config the controller stored: each lists the topics of its Iggy stream by name.
   */
  private static void assertTopicListing(EmbeddedController controller, IggyTarget iggy, String clicks)
      throws Exception {
    iggy.admin().topics().createTopic(StreamId.of(clicks), 1L, CompressionAlgorithm.None, BigInteger.ZERO,
        BigInteger.ZERO, Optional.empty(), "clicks-archive");
    TableConfig tableConfig = controller.controller().getHelixResourceManager().getTableConfig(EventsTable.REALTIME);
    List<List<String>> listed = new ArrayList<>();
    for (StreamConfig streamConfig : IngestionConfigUtils.getStreamConfigs(tableConfig)) {
      try (StreamMetadataProvider provider = StreamConsumerFactoryProvider.create(streamConfig)
          .createStreamMetadataProvider("topics")) {
        listed.add(provider.getTopics().stream().map(StreamMetadataProvider.TopicMetadata::getName).sorted()
            .toList());
      }
    }
    assertThat(listed).containsExactly(List.of("clicks", "clicks-archive"), List.of("orders"));
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
      LoopChecks.await("lag of partition 2 down to 0", Duration.ofSeconds(20), () -> {
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
