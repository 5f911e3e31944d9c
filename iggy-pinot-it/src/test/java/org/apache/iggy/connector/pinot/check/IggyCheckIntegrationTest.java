package org.apache.iggy.connector.pinot.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iggy.connector.pinot.harness.ReadmeExamples;
import org.apache.iggy.connector.pinot.it.IggyTarget;
import org.apache.iggy.connector.pinot.testserver.IggyTestServer;
import org.apache.iggy.message.Message;
import org.apache.pinot.spi.config.table.TableConfig;
import org.apache.pinot.spi.config.table.ingestion.IngestionConfig;
import org.apache.pinot.spi.config.table.ingestion.StreamIngestionConfig;
import org.apache.pinot.spi.utils.JsonUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check tool against an Iggy server: a good table, each failure class it names, and secret redaction. */
class IggyCheckIntegrationTest {
  private static final String TOPIC = "user-events";
  private static final String SECRET = "s3cret-Pa55word";

  @TempDir
  Path _dir;
  private IggyTarget _iggy;
  private String _stream;

  /** One result of a run. */
  private record Run(int exitCode, String out, String err) {
  }

  @BeforeEach
  void start() {
    _iggy = IggyTarget.start();
    _stream = _iggy.createTopic(TOPIC, 2);
    _iggy.send(_stream, TOPIC, 0, events(30));
    _iggy.send(_stream, TOPIC, 1, events(10));
  }

  private static List<Message> events(int count) {
    List<Message> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(Message.of("{\"userId\":\"user" + i + "\",\"eventType\":\"click\",\"deviceId\":\"d1\",\"duration\":"
          + i + ",\"count\":1,\"timestamp\":" + (1_700_000_000_000L + i) + "}"));
    }
    return events;
  }

  @AfterEach
  void stop() {
    _iggy.close();
  }

  @Test
  void aGoodTableReportsEveryPartitionAndExitsZero() throws Exception {
    Run run = check(table(Map.of()), "--schema", schema().toString(), "--sample", "5");

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("Stream config  OK", "Connection     OK " + _iggy.host() + ":" + _iggy.port(),
        "stream " + _stream + ", topic " + TOPIC + ": 2 partition(s), offset criteria 'smallest'",
        "RESULT: OK").containsPattern("0 +0 +30 +30 +0 +5/5 decoded")
        .containsPattern("1 +0 +10 +10 +0 +5/5 decoded");
  }

  @Test
  void theJsonReportCarriesOffsetsWhereTheCriteriaStartAndSamples() throws Exception {
    Run run = check(table(Map.of("stream.iggy.consumer.prop.auto.offset.reset", "largest")), "--schema",
        schema().toString(), "--json");

    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(run.exitCode()).isZero();
    assertThat(report.get("ok").asBoolean()).isTrue();
    JsonNode partition = report.at("/streams/0/topic/partitions/0");
    assertThat(partition.get("firstOffset").asLong()).isZero();
    assertThat(partition.get("nextOffset").asLong()).isEqualTo(30);
    assertThat(partition.get("startOffset").asLong()).as("largest starts after the last message").isEqualTo(30);
    assertThat(partition.at("/sample/sampled").asInt()).as("the newest messages are sampled").isEqualTo(10);
  }

  @Test
  void aMultiTopicTableIsCheckedPerStreamConfigUnderPinotsPartitionGroupIds() throws Exception {
    String orders = _iggy.createTopic("orders", 3);
    _iggy.send(orders, "orders", 2, events(7));
    Path table = multiTopicTable(streamConfig(Map.of()), ordersConfig(orders, Map.of()));

    Run run = check(table, "--schema", schema().toString(), "--sample", "5");
    JsonNode report = new ObjectMapper().readTree(check(table, "--json").out());

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("Table config   OK, 2 stream configs (multi-topic)",
        "-- stream config #0 of 2: Pinot partition groups from 0\n",
        "stream " + _stream + ", topic " + TOPIC + ": 2 partition(s)",
        "-- stream config #1 of 2: Pinot partition groups from 10000\n",
        "stream " + orders + ", topic orders: 3 partition(s)", "RESULT: OK")
        .containsPattern("\\n  1 +1 +0 +10 +10 +0 +5/5 decoded")
        .containsPattern("\\n  10000 +0 +0 +0 +0 +0 +0/0 decoded")
        .containsPattern("\\n  10002 +2 +0 +7 +7 +0 +5/5 decoded");
    assertThat(report.at("/streams/1/firstPartitionGroup").asInt()).isEqualTo(10_000);
    assertThat(report.at("/streams/1/topic/partitions/2/partition").asInt()).isEqualTo(2);
    assertThat(report.at("/streams/1/topic/partitions/2/partitionGroup").asInt()).isEqualTo(10_002);
    assertThat(report.at("/streams/0/topic/partitions/1/partitionGroup").asInt()).isEqualTo(1);
  }

  @Test
  void aBrokenSecondStreamConfigFailsTheTableAndOnlyItIsNamed() throws Exception {
    String orders = _iggy.createTopic("orders", 3);
    Path table = multiTopicTable(streamConfig(Map.of()), ordersConfig(orders, Map.of("stream.iggy.topic.name",
        "no-such-topic")));

    Run run = check(table);
    JsonNode report = new ObjectMapper().readTree(check(table, "--json").out());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("-- stream config #1 of 2", "FAILED not-found: ", "no-such-topic",
        "RESULT: FAILED");
    assertThat(report.at("/streams/0/ok").asBoolean()).isTrue();
    assertThat(report.at("/streams/1/ok").asBoolean()).isFalse();
    assertThat(report.at("/streams/1/topic/problem").asText()).contains("no-such-topic");
  }

  @Test
  void twoStreamConfigsOnTheSameTopicAreWarnedAbout() throws Exception {
    Run run = check(multiTopicTable(streamConfig(Map.of()), streamConfig(Map.of())));

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("stream configs #0 and #1 both read " + _iggy.host() + ":" + _iggy.port()
        + " stream '" + _stream + "' topic '" + TOPIC + "'", "Pinot would ingest every message of that topic once for each");
  }

  @Test
  void everyConfigProblemIsListedWithItsKeyAndNothingIsTried() throws Exception {
    Map<String, String> bad = new HashMap<>();
    bad.put("stream.iggy.host", null);
    bad.put("stream.iggy.poll.batch.size", "lots");
    bad.put("stream.iggy.decoder.class.name", "com.example.NoSuchDecoder");

    Run run = check(table(bad));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("stream.iggy.host is required", "stream.iggy.poll.batch.size: 'lots'",
        "stream.iggy.decoder.class.name: class 'com.example.NoSuchDecoder' cannot be loaded",
        "Connection     not tried", "RESULT: FAILED");
  }

  @Test
  void aHostThatDoesNotResolveIsReportedAsDns() throws Exception {
    Run run = check(table(Map.of("stream.iggy.host", "no-such-host.invalid")));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("FAILED (dns: the host name does not resolve) no-such-host.invalid:");
  }

  @Test
  void aPortWithoutServerIsReportedAsRefused() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Run run = check(table(Map.of("stream.iggy.host", "127.0.0.1", "stream.iggy.port",
        Integer.toString(closedPort), "stream.iggy.connection.timeout.millis", "3000")));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("FAILED (refused: nothing accepts connections at that address) 127.0.0.1:"
        + closedPort);
  }

  @Test
  void anUntrustedServerCertificateIsReportedAsTls() throws Exception {
    _iggy.testServer("a TLS test server with its own self-signed certificate");
    try (IggyTestServer tls = IggyTestServer.builder().tls(true).start()) {
      Run run = check(table(Map.of("stream.iggy.host", "localhost", "stream.iggy.port", Integer.toString(tls.port()),
          "stream.iggy.enable.tls", "true")));

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).contains("FAILED (tls: the TLS handshake failed) localhost:" + tls.port(), ", TLS",
          "server certificate was not trusted");
    }
  }

  @Test
  void tlsAgainstAServerWithoutTlsExplainsTheTimeout() throws Exception {
    _iggy.testServer("the test server's plain-text port stays silent on a TLS handshake");
    Run run = check(table(Map.of("stream.iggy.enable.tls", "true", "stream.iggy.connection.timeout.millis",
        "2000")));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("FAILED (timeout", "a server that does not speak TLS never answers");
  }

  @Test
  void wrongCredentialsAreReportedAsAuthWithoutThePassword() throws Exception {
    Run run = check(table(Map.of("stream.iggy.password", SECRET)));
    Run json = check(table(Map.of("stream.iggy.password", SECRET)), "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("FAILED (auth: the server rejected the credentials)",
        "authentication failed for user '" + _iggy.username() + "'");
    assertThat(run.out() + run.err() + json.out() + json.err()).doesNotContain(SECRET);
  }

  @Test
  void aUserWithoutReadPermissionIsReportedAsPermission() throws Exception {
    IggyTestServer server = _iggy.testServer("creating a user without permissions");
    server.addUser("outsider", SECRET, Set.of());

    Run run = check(table(Map.of("stream.iggy.username", "outsider", "stream.iggy.password", SECRET)));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("FAILED permission: ", "user 'outsider' has no permission")
        .doesNotContain(SECRET);
  }

  @Test
  void aMissingTopicIsReportedAsNotFound() throws Exception {
    Run run = check(table(Map.of("stream.iggy.topic.name", "no-such-topic")));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("FAILED not-found: ", "no-such-topic");
  }

  @Test
  void undecodableMessagesAndTypeMismatchesAreListedWithTheirOffsets() throws Exception {
    _iggy.send(_stream, TOPIC, 1, List.of(Message.of("not json at all"),
        Message.of("{\"userId\":\"u\",\"duration\":\"forever\",\"timestamp\":1700000000000}")));

    Run run = check(table(Map.of()), "--schema", schema().toString(), "--sample", "20");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("partition 1 offset 10: undecodable",
        "partition 1 offset 11: type mismatch: duration: 'forever' is not a valid LONG",
        "field 'count' is missing in 1 of", "RESULT: FAILED");
  }

  @Test
  void badUsageExitsTwo() throws Exception {
    assertThat(check(null).exitCode()).isEqualTo(2);
    Run missingFile = run("--table-config", _dir.resolve("absent.json").toString());
    assertThat(missingFile.exitCode()).isEqualTo(2);
    assertThat(missingFile.err()).contains("--table-config: cannot read file", "usage: check");
    assertThat(run("--table-config", table(Map.of()).toString(), "--sample", "many").exitCode()).isEqualTo(2);
  }

  private Path table(Map<String, String> overrides) throws Exception {
    TableConfig table = readmeTable();
    table.getIndexingConfig().setStreamConfigs(streamConfig(overrides));
    return write(table);
  }

  /** A table whose {@code streamConfigMaps} hold {@code streams}, in that order. */
  @SafeVarargs
  private Path multiTopicTable(Map<String, String>... streams) throws Exception {
    TableConfig table = readmeTable();
    table.getIndexingConfig().setStreamConfigs(null);
    IngestionConfig ingestion = new IngestionConfig();
    ingestion.setStreamIngestionConfig(new StreamIngestionConfig(List.of(streams)));
    table.setIngestionConfig(ingestion);
    return write(table);
  }

  private Map<String, String> ordersConfig(String stream, Map<String, String> overrides) throws Exception {
    Map<String, String> config = streamConfig(Map.of("stream.iggy.stream.id", stream, "stream.iggy.topic.name",
        "orders"));
    config.putAll(overrides);
    return config;
  }

  private static TableConfig readmeTable() throws Exception {
    return JsonUtils.stringToObject(ReadmeExamples.jsonBlock(ReadmeExamples.TABLE_CONFIG), TableConfig.class);
  }

  private Path write(TableConfig table) throws Exception {
    return Files.writeString(_dir.resolve("table-" + System.nanoTime() + ".json"), table.toJsonString());
  }

  /** The README's stream config pointed at this server, with {@code overrides} (a null value removes a key). */
  private Map<String, String> streamConfig(Map<String, String> overrides) throws Exception {
    Map<String, String> stream = new HashMap<>(readmeTable().getIndexingConfig().getStreamConfigs());
    stream.put("stream.iggy.host", _iggy.host());
    stream.put("stream.iggy.port", Integer.toString(_iggy.port()));
    stream.put("stream.iggy.username", _iggy.username());
    stream.put("stream.iggy.password", _iggy.password());
    stream.put("stream.iggy.stream.id", _stream);
    overrides.forEach((key, value) -> {
      if (value == null) {
        stream.remove(key);
      } else {
        stream.put(key, value);
      }
    });
    return stream;
  }

  private Path schema() throws Exception {
    return Files.writeString(_dir.resolve("schema.json"), ReadmeExamples.jsonBlock(ReadmeExamples.SCHEMA));
  }

  private Run check(Path table, String... more) {
    if (table == null) {
      return run(more);
    }
    String[] args = new String[more.length + 2];
    args[0] = "--table-config";
    args[1] = table.toString();
    System.arraycopy(more, 0, args, 2, more.length);
    return run(args);
  }

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = IggyCheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
