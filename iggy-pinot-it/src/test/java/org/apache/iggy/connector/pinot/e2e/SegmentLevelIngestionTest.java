package org.apache.iggy.connector.pinot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.iggy.connector.pinot.harness.ConsumingSegment;
import org.apache.iggy.connector.pinot.harness.EventsTable;
import org.apache.iggy.connector.pinot.harness.PinotVersionApi;
import org.apache.iggy.connector.pinot.harness.SqlRunner;
import org.apache.iggy.connector.pinot.it.IggyTarget;
import org.apache.iggy.connector.pinot.testserver.IggyTestServer;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.pinot.segment.spi.ImmutableSegment;
import org.apache.pinot.spi.config.table.TableConfig;
import org.apache.pinot.spi.stream.PartitionLagState;
import org.apache.pinot.spi.stream.StreamConfig;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamConsumerFactoryProvider;
import org.apache.pinot.spi.stream.StreamMetadataProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Level 1: Pinot's real realtime ingestion (consumer thread, our factory and decoder, transform pipeline, mutable
 * segment, segment build and commit) reading from Iggy over TCP, with rows checked by SQL.
 */
class SegmentLevelIngestionTest {
  private static final String TOPIC = "user-events";
  private static IggyTarget iggy;
  private static SqlRunner sql;

  @TempDir
  Path _work;

  @BeforeAll
  static void start() {
    iggy = IggyTarget.start();
    sql = new SqlRunner();
  }

  @AfterAll
  static void stop() {
    sql.close();
    iggy.close();
  }

  private static void produce(String stream, int partition, long fromSeq, int count, long malformedSeq) {
    List<Message> messages = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (long seq = fromSeq; seq < fromSeq + count; seq++) {
      messages.add(Message.of(seq == malformedSeq ? "{\"seq\": broken" : EventsTable.event(seq, now + seq)));
    }
    iggy.send(stream, TOPIC, partition, messages);
  }

  private static TableConfig table(String stream, Map<String, String> overrides) {
    Map<String, String> config = iggy.streamConfig(stream, TOPIC);
    config.put("stream.iggy.fetch.timeout.millis", "500");
    config.putAll(overrides);
    return EventsTable.tableConfig(config);
  }

  private static long single(List<Object[]> rows, int column) {
    return ((Number) rows.get(0)[column]).longValue();
  }

  @Test
  void rowFlushCommitsARealSegmentAndMalformedPayloadsAreDroppedWhileTheOffsetAdvances() throws Exception {
    String stream = iggy.createTopic(TOPIC, 2);
    produce(stream, 1, 0, 250, 50);
    TableConfig table = table(stream, Map.of("realtime.segment.flush.threshold.rows", "100"));

    try (ConsumingSegment segment = new ConsumingSegment(table, EventsTable.schema(), 1, 0, "0", _work.toFile())) {
      segment.start();
      ImmutableSegment committed = segment.awaitCommitted(60, TimeUnit.SECONDS);

      assertThat(segment.manager().committedRows()).isEqualTo(100);
      assertThat(segment.manager().committedEndOffset()).as("100 rows + 1 malformed").isEqualTo("101");
      assertThat(committed.getSegmentMetadata().getTotalDocs()).isEqualTo(100);
      List<Object[]> rows = sql.rows("SELECT COUNT(*), COUNT(DISTINCT seq), MIN(seq), MAX(seq), SUM(\"count\") "
          + "FROM events", List.of(committed));
      assertThat(single(rows, 0)).isEqualTo(100);
      assertThat(single(rows, 1)).isEqualTo(100);
      assertThat(single(rows, 2)).isZero();
      assertThat(single(rows, 3)).isEqualTo(100);
      assertThat(sql.rows("SELECT COUNT(*) FROM events WHERE seq = 50", List.of(committed)).get(0)[0])
          .isEqualTo(0L);
      assertThat(sql.rows("SELECT eventType, COUNT(*) FROM events GROUP BY eventType ORDER BY eventType",
          List.of(committed))).hasSize(4);
    }
  }

  @Test
  void timeFlushCommitsWhatArrivedWithinTheThreshold() throws Exception {
    String stream = iggy.createTopic(TOPIC, 1);
    produce(stream, 0, 0, 7, -1);
    TableConfig table = table(stream, Map.of("realtime.segment.flush.threshold.rows", "100000",
        "realtime.segment.flush.threshold.time", "3s"));

    try (ConsumingSegment segment = new ConsumingSegment(table, EventsTable.schema(), 0, 0, "0", _work.toFile())) {
      segment.start();
      ImmutableSegment committed = segment.awaitCommitted(60, TimeUnit.SECONDS);

      assertThat(committed.getSegmentMetadata().getTotalDocs()).isEqualTo(7);
      assertThat(segment.manager().committedEndOffset()).isEqualTo("7");
    }
  }

  @Test
  void retentionBeforeTheStartOffsetIsReportedAsDataLossAndConsumptionGoesOn() throws Exception {
    IggyTestServer server = iggy.testServer("deleting messages by retention");
    String stream = iggy.createTopic(TOPIC, 1);
    produce(stream, 0, 0, 80, -1);
    server.deleteBelow(stream, TOPIC, 0, 30);
    TableConfig table = table(stream, Map.of("realtime.segment.flush.threshold.rows", "50"));

    try (ConsumingSegment segment = new ConsumingSegment(table, EventsTable.schema(), 0, 0, "10", _work.toFile())) {
      segment.start();
      ImmutableSegment committed = segment.awaitCommitted(60, TimeUnit.SECONDS);

      assertThat(segment.segmentErrors()).anySatisfy(error -> assertThat(error).contains("Message loss detected")
          .contains("startOffset: 10 batchFirstOffset: 30"));
      assertThat(single(sql.rows("SELECT MIN(seq), COUNT(*) FROM events", List.of(committed)), 0)).isEqualTo(30);
      assertThat(segment.manager().committedEndOffset()).isEqualTo("80");
    }
  }

  @Test
  void aTransientFaultMakesPinotRecreateTheConsumerWithNothingLostOrDuplicated() throws Exception {
    IggyTestServer server = iggy.testServer("stalling and breaking connections");
    String stream = iggy.createTopic(TOPIC, 1);
    produce(stream, 0, 0, 150, -1);
    TableConfig table = table(stream, Map.of("realtime.segment.flush.threshold.rows", "300",
        "stream.iggy.poll.batch.size", "50"));

    try (ConsumingSegment segment = new ConsumingSegment(table, EventsTable.schema(), 0, 0, "0", _work.toFile())) {
      server.faults().stallForever();
      segment.start();
      awaitSwallowed(server);
      server.faults().clear();
      server.closeConnectionsGracefully();
      produce(stream, 0, 150, 150, -1);
      ImmutableSegment committed = segment.awaitCommitted(60, TimeUnit.SECONDS);

      List<Object[]> rows = sql.rows("SELECT COUNT(*), COUNT(DISTINCT seq), MAX(seq) FROM events",
          List.of(committed));
      assertThat(single(rows, 0)).isEqualTo(300);
      assertThat(single(rows, 1)).isEqualTo(300);
      assertThat(single(rows, 2)).isEqualTo(299);
    }
  }

  private static void awaitSwallowed(IggyTestServer server) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.faults().swallowed() == 0) {
      assertThat(System.nanoTime()).as("Pinot's first fetch reached the server").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(10);
    }
  }

  @Test
  void aDeletedTopicStopsTheSegmentWithOurMessage() throws Exception {
    String stream = iggy.createTopic(TOPIC, 1);
    produce(stream, 0, 0, 5, -1);
    TableConfig table = table(stream, Map.of("realtime.segment.flush.threshold.rows", "1000"));

    try (ConsumingSegment segment = new ConsumingSegment(table, EventsTable.schema(), 0, 0, "0", _work.toFile())) {
      segment.start();
      iggy.admin().topics().deleteTopic(StreamId.of(stream), TopicId.of(TOPIC));

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (segment.manager().stopReasons().isEmpty() && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(50);
      }
      assertThat(segment.manager().stopReasons()).isNotEmpty();
      assertThat(segment.segmentErrors()).anySatisfy(error -> assertThat(error)
          .contains("topic '" + TOPIC + "' not found in stream '" + stream + "'"));
    }
  }

  @Test
  void lagOfAConsumingSegmentIsWhatWasProducedBeyondItsOffset() throws Exception {
    String stream = iggy.createTopic(TOPIC, 1);
    produce(stream, 0, 0, 40, -1);
    TableConfig table = table(stream, Map.of("realtime.segment.flush.threshold.rows", "40"));

    try (ConsumingSegment segment = new ConsumingSegment(table, EventsTable.schema(), 0, 0, "0", _work.toFile());
        StreamMetadataProvider provider = lagProvider(table)) {
      assertThat(recordsLag(segment, provider)).isEqualTo("40");
    }
  }

  @Test
  void lagAfterACommitCountsWhatArrivedSince() throws Exception {
    String stream = iggy.createTopic(TOPIC, 1);
    produce(stream, 0, 0, 40, -1);
    TableConfig table = table(stream, Map.of("realtime.segment.flush.threshold.rows", "40"));

    try (ConsumingSegment segment = new ConsumingSegment(table, EventsTable.schema(), 0, 0, "0", _work.toFile());
        StreamMetadataProvider provider = lagProvider(table)) {
      segment.start();
      segment.awaitCommitted(60, TimeUnit.SECONDS);
      produce(stream, 0, 40, 15, -1);
      assertThat(recordsLag(segment, provider)).isEqualTo("15");
    }
  }

  /** A metadata provider of the table's stream, as the controller creates it for its lag answers. */
  private static StreamMetadataProvider lagProvider(TableConfig table) {
    StreamConsumerFactory factory = StreamConsumerFactoryProvider.create(new StreamConfig(EventsTable.REALTIME,
        table.getIngestionConfig().getStreamIngestionConfig().getStreamConfigMaps().get(0)));
    return PinotVersionApi.metadataProvider(factory, "lag");
  }

  /** Partition 0's records lag from Pinot's consumer state and our provider, as Pinot's lag gauges compute it. */
  private static String recordsLag(ConsumingSegment segment, StreamMetadataProvider provider) throws Exception {
    Map<String, PartitionLagState> lag = provider.getCurrentPartitionLagState(PinotVersionApi.consumerState(
        segment.manager(), provider, 0));
    assertThat(lag).containsOnlyKeys("0");
    return lag.get("0").getRecordsLag();
  }
}
