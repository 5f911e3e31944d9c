package org.apache.iggy.connector.pinot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iggy.connector.pinot.harness.EmbeddedController;
import org.apache.iggy.connector.pinot.harness.EventsTable;
import org.apache.iggy.connector.pinot.harness.ReadmeExamples;
import org.apache.iggy.connector.pinot.it.IggyTarget;
import org.apache.iggy.connector.pinot.testserver.IggyTestServer;
import org.apache.iggy.message.Message;
import org.apache.pinot.common.metadata.segment.SegmentZKMetadata;
import org.apache.pinot.common.utils.LLCSegmentName;
import org.apache.pinot.spi.config.table.TableConfig;
import org.apache.pinot.spi.utils.CommonConstants;
import org.apache.pinot.spi.utils.JsonUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Level 2: Pinot's real controller with embedded ZooKeeper creates tables from the README's example config and asks
 * our plugin where each partition's first consuming segment starts.
 */
class ControllerLevelTest {
  private static final String TOPIC = "user-events";
  @TempDir
  static Path work;
  private static IggyTarget iggy;
  private static EmbeddedController pinot;

  @BeforeAll
  static void start() throws Exception {
    iggy = IggyTarget.start();
    pinot = new EmbeddedController(work);
  }

  @AfterAll
  static void stop() {
    pinot.close();
    iggy.close();
  }

  /** The README's table config, pointed at this test's Iggy server, stream and table name. */
  private static TableConfig readmeTable(String tableName, String stream, Map<String, String> overrides)
      throws Exception {
    HttpResponse<String> schema = pinot.postJson("/schemas", EventsTable.schema(tableName).toSingleLineJsonString());
    assertThat(schema.statusCode()).as(schema.body()).isEqualTo(200);
    TableConfig table = JsonUtils.stringToObject(ReadmeExamples.jsonBlock(ReadmeExamples.TABLE_CONFIG),
        TableConfig.class);
    table.setTableName(tableName);
    Map<String, String> streamConfigs = table.getIndexingConfig().getStreamConfigs();
    streamConfigs.put("stream.iggy.host", iggy.host());
    streamConfigs.put("stream.iggy.port", Integer.toString(iggy.port()));
    streamConfigs.put("stream.iggy.username", iggy.username());
    streamConfigs.put("stream.iggy.password", iggy.password());
    streamConfigs.put("stream.iggy.stream.id", stream);
    streamConfigs.putAll(overrides);
    return table;
  }

  private static Map<Integer, String> startOffsets(String table) {
    Map<Integer, String> offsets = new TreeMap<>();
    for (SegmentZKMetadata segment : pinot.segments(table + "_REALTIME")) {
      assertThat(segment.getStatus()).isEqualTo(CommonConstants.Segment.Realtime.Status.IN_PROGRESS);
      offsets.put(new LLCSegmentName(segment.getSegmentName()).getPartitionGroupId(), segment.getStartOffset());
    }
    return offsets;
  }

  private static void send(String stream, int partition, int count) {
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      messages.add(Message.of(EventsTable.event(i, System.currentTimeMillis())));
    }
    iggy.send(stream, TOPIC, partition, messages);
  }

  @Test
  void theReadmeTableStartsOneConsumingSegmentPerPartitionAtTheSmallestOffset() throws Exception {
    IggyTestServer server = iggy.testServer("moving the first retained offset");
    String stream = iggy.createTopic(TOPIC, 3);
    send(stream, 0, 10);
    send(stream, 1, 20);
    server.deleteBelow(stream, TOPIC, 1, 7);

    HttpResponse<String> created = pinot.postJson("/tables", readmeTable("events_s", stream, Map.of())
        .toJsonString());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(startOffsets("events_s")).isEqualTo(Map.of(0, "0", 1, "7", 2, "0"));
  }

  @Test
  void largestStartsAtTheNextOffsetOfEachPartition() throws Exception {
    String stream = iggy.createTopic(TOPIC, 2);
    send(stream, 1, 12);

    HttpResponse<String> created = pinot.postJson("/tables", readmeTable("events_l", stream, Map.of(
        "stream.iggy.consumer.prop.auto.offset.reset", "largest")).toJsonString());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(startOffsets("events_l")).isEqualTo(Map.of(0, "0", 1, "12"));
  }

  @Test
  void aPeriodStartsAtTheFirstMessageInsideIt() throws Exception {
    IggyTestServer server = iggy.testServer("controlling message timestamps");
    String stream = iggy.createTopic(TOPIC, 1);
    long now = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
    AtomicLong clock = new AtomicLong(now - TimeUnit.HOURS.toMicros(5));
    server.clock(clock::get);
    send(stream, 0, 6);
    clock.set(now - TimeUnit.HOURS.toMicros(1));
    send(stream, 0, 4);
    server.clock(() -> TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis()));

    HttpResponse<String> created = pinot.postJson("/tables", readmeTable("events_p", stream, Map.of(
        "stream.iggy.consumer.prop.auto.offset.reset", "2h")).toJsonString());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(startOffsets("events_p")).isEqualTo(Map.of(0, "6"));
  }

  @Test
  void aTableWithoutHostIsRejectedNamingTheKey() throws Exception {
    String stream = iggy.createTopic(TOPIC, 1);
    TableConfig table = readmeTable("events_bad_host", stream, Map.of());
    table.getIndexingConfig().getStreamConfigs().remove("stream.iggy.host");

    HttpResponse<String> rejected = pinot.postJson("/tables", table.toJsonString());

    assertThat(rejected.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(rejected.body()).contains("stream.iggy.host is required");
  }

  @Test
  void aTableOnAnUnknownStreamIsRejectedNamingTheStream() throws Exception {
    HttpResponse<String> rejected = pinot.postJson("/tables", readmeTable("events_bad_stream", "no-such-stream",
        Map.of()).toJsonString());

    assertThat(rejected.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(rejected.body()).contains("stream 'no-such-stream' not found");
  }
}
