package org.apache.iggy.connector.pinot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IggyStreamConfigTest {
  private static final String TABLE = "events_REALTIME";

  private static Map<String, String> minimal() {
    Map<String, String> map = new HashMap<>();
    map.put("streamType", "iggy");
    map.put("stream.iggy.host", "iggy.example.com");
    map.put("stream.iggy.stream.id", "analytics");
    map.put("stream.iggy.topic.id", "user-events");
    return map;
  }

  @Test
  void appliesTheReferenceReadmeDefaults() {
    IggyStreamConfig config = IggyStreamConfig.from(minimal(), TABLE);

    IggyConnectionSettings connection = config.connection();
    assertThat(connection.host()).isEqualTo("iggy.example.com");
    assertThat(connection.port()).isEqualTo(8090);
    assertThat(connection.username()).isEqualTo("iggy");
    assertThat(connection.password()).isEqualTo("iggy");
    assertThat(connection.personalAccessToken()).isNull();
    assertThat(connection.tls()).isFalse();
    assertThat(connection.tlsCaFile()).isNull();
    assertThat(connection.tlsServerName()).isNull();
    assertThat(connection.poolSize()).isEqualTo(4);
    assertThat(connection.connectTimeoutMillis()).isEqualTo(10_000);
    assertThat(connection.requestTimeoutMillis()).isEqualTo(10_000);
    assertThat(config.stream()).isEqualTo(new IggyResourceId("analytics", -1));
    assertThat(config.topic()).isEqualTo(new IggyResourceId("user-events", -1));
    assertThat(config.consumerGroup()).isNull();
    assertThat(config.pollBatchSize()).isEqualTo(100);
    assertThat(config.prefetchBatches()).isEqualTo(2);
    assertThat(config.metadataPopulate()).isFalse();
    assertThat(config.offsetCriteria().isLargest()).isTrue();
    assertThat(config.fetchTimeoutMillis()).isEqualTo(5000);
    assertThat(config.tableNameWithType()).isEqualTo(TABLE);
  }

  @Test
  void readsEveryKey(@TempDir Path dir) throws IOException {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    Map<String, String> map = minimal();
    map.put("stream.iggy.port", "9090");
    map.put("stream.iggy.username", "pinot");
    map.put("stream.iggy.password", "s3cret-pass");
    map.put("stream.iggy.personal.access.token", "tok-123456");
    map.put("stream.iggy.enable.tls", "TRUE");
    map.put("stream.iggy.tls.ca.file", ca.toString());
    map.put("stream.iggy.tls.server.name", "iggy.internal");
    map.put("stream.iggy.connection.pool.size", "8");
    map.put("stream.iggy.connection.timeout.millis", "2500");
    map.put("stream.iggy.request.timeout.millis", "3500");
    map.put("stream.iggy.stream.id", "7");
    map.put("stream.iggy.topic.id", "12");
    map.put("stream.iggy.consumer.group", "pinot-events-consumer");
    map.put("stream.iggy.poll.batch.size", "1000");
    map.put("stream.iggy.prefetch.batches", "0");
    map.put("stream.iggy.metadata.populate", "true");
    map.put("stream.iggy.consumer.prop.auto.offset.reset", "smallest");
    map.put("stream.iggy.fetch.timeout.millis", "250");

    IggyStreamConfig config = IggyStreamConfig.from(map, TABLE);

    IggyConnectionSettings connection = config.connection();
    assertThat(connection.port()).isEqualTo(9090);
    assertThat(connection.username()).isEqualTo("pinot");
    assertThat(connection.password()).isEqualTo("s3cret-pass");
    assertThat(connection.personalAccessToken()).isEqualTo("tok-123456");
    assertThat(connection.usesToken()).isTrue();
    assertThat(connection.tls()).isTrue();
    assertThat(connection.tlsCaFile()).isEqualTo(ca.toString());
    assertThat(connection.tlsServerName()).isEqualTo("iggy.internal");
    assertThat(connection.poolSize()).isEqualTo(8);
    assertThat(connection.connectTimeoutMillis()).isEqualTo(2500);
    assertThat(connection.requestTimeoutMillis()).isEqualTo(3500);
    assertThat(config.stream()).isEqualTo(new IggyResourceId(null, 7));
    assertThat(config.topic()).isEqualTo(new IggyResourceId(null, 12));
    assertThat(config.consumerGroup()).isEqualTo("pinot-events-consumer");
    assertThat(config.pollBatchSize()).isEqualTo(1000);
    assertThat(config.prefetchBatches()).isZero();
    assertThat(config.metadataPopulate()).isTrue();
    assertThat(config.offsetCriteria().isSmallest()).isTrue();
    assertThat(config.fetchTimeoutMillis()).isEqualTo(250);
  }

  @Test
  void takesTheTopicFromPinotsTopicNameWhenTopicIdIsAbsent() {
    Map<String, String> map = minimal();
    map.remove("stream.iggy.topic.id");
    map.put("stream.iggy.topic.name", "user-events");

    assertThat(IggyStreamConfig.from(map, TABLE).topic()).isEqualTo(new IggyResourceId("user-events", -1));
  }

  @Test
  void prefersTopicIdOverTopicName() {
    Map<String, String> map = minimal();
    map.put("stream.iggy.topic.name", "pinot-display-name");

    assertThat(IggyStreamConfig.from(map, TABLE).topic().name()).isEqualTo("user-events");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "stream.iggy.port|0|stream.iggy.port: '0' is not valid (allowed: an integer from 1 to 65535)",
      "stream.iggy.port|http|stream.iggy.port: 'http' is not valid (allowed: an integer from 1 to 65535)",
      "stream.iggy.enable.tls|yes|stream.iggy.enable.tls: 'yes' is not valid (allowed: true, false)",
      "stream.iggy.metadata.populate|1|stream.iggy.metadata.populate: '1' is not valid (allowed: true, false)",
      "stream.iggy.connection.pool.size|0|stream.iggy.connection.pool.size: '0' is not valid (allowed: an integer "
          + "from 1 to 64)",
      "stream.iggy.poll.batch.size|-5|stream.iggy.poll.batch.size: '-5' is not valid (allowed: an integer from 1 to "
          + "1000000)",
      "stream.iggy.connection.timeout.millis|soon|stream.iggy.connection.timeout.millis: 'soon' is not valid "
          + "(allowed: an integer from 1 to 2147483647)",
      "stream.iggy.request.timeout.millis|0|stream.iggy.request.timeout.millis: '0' is not valid (allowed: an "
          + "integer from 1 to 2147483647)",
      "stream.iggy.fetch.timeout.millis|x|stream.iggy.fetch.timeout.millis: 'x' is not valid (allowed: an integer "
          + "from 1 to 2147483647)",
      "stream.iggy.stream.id|99999999999|stream.iggy.stream.id: '99999999999' is not valid: numeric id 99999999999 "
          + "is above 4294967295",
      "stream.iggy.username|ab|stream.iggy.username: length 2 is not valid (allowed: 3 to 50 bytes)",
      "stream.iggy.password|pw|stream.iggy.password: length 2 is not valid (allowed: 3 to 100 bytes)",
      "stream.iggy.consumer.prop.auto.offset.reset|earliest|stream.iggy.consumer.prop.auto.offset.reset: "
          + "'earliest' is not valid (allowed: smallest, largest, a period such as 2d or 4h30m, or a timestamp",
      "stream.iggy.tls.ca.file|/no/such/ca.pem|stream.iggy.tls.ca.file: file '/no/such/ca.pem' does not exist",
      "stream.iggy.prefetch.batches|9|stream.iggy.prefetch.batches: '9' is not valid (allowed: an integer from 0 to 8)",
      "stream.iggy.stream.id|événements|stream.iggy.stream.id: 'événements' is not ASCII, and the Iggy Java SDK "
          + "0.8.0 cannot encode such a name in a request (allowed: an ASCII name of 1 to 255 characters or a "
          + "numeric id from 0 to 4294967295)",
      "stream.iggy.topic.id|Ereignisse-ü|stream.iggy.topic.id: 'Ereignisse-ü' is not ASCII",
      "stream.iggy.consumer.group|pinot-é|stream.iggy.consumer.group: 'pinot-é' is not ASCII"
  })
  void rejectsABadValueNamingTheKeyAndTheAllowedValues(String key, String value, String message) {
    Map<String, String> map = minimal();
    map.put("stream.iggy.enable.tls", "true");
    map.put(key, value);

    assertThatThrownBy(() -> IggyStreamConfig.from(map, TABLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid Iggy stream config for table events_REALTIME: ")
        .hasMessageContaining(message);
  }

  @Test
  void listsEveryProblemInOneMessage() {
    Map<String, String> map = new HashMap<>();
    map.put("stream.iggy.port", "-1");

    assertThat(IggyStreamConfig.problems(map)).containsExactly(
        "stream.iggy.host is required (allowed: a host name or IP address)",
        "stream.iggy.port: '-1' is not valid (allowed: an integer from 1 to 65535)",
        "stream.iggy.stream.id is required (allowed: a stream name or numeric stream id)",
        "stream.iggy.topic.id (or stream.iggy.topic.name) is required (allowed: a topic name or numeric topic id)");
  }

  @Test
  void tlsOptionsNeedTlsEnabled() {
    Map<String, String> map = minimal();
    map.put("stream.iggy.tls.server.name", "iggy.internal");

    assertThat(IggyStreamConfig.problems(map)).containsExactly(
        "stream.iggy.tls.ca.file and stream.iggy.tls.server.name need stream.iggy.enable.tls=true");
  }

  @Test
  void acceptsPeriodAndTimestampOffsetCriteria() {
    Map<String, String> map = minimal();
    map.put("stream.iggy.consumer.prop.auto.offset.reset", "2d");
    assertThat(IggyStreamConfig.from(map, TABLE).offsetCriteria().isPeriod()).isTrue();

    map.put("stream.iggy.consumer.prop.auto.offset.reset", "2026-01-31T12:00:00.000Z");
    assertThat(IggyStreamConfig.from(map, TABLE).offsetCriteria().isTimestamp()).isTrue();
  }

  @Test
  void neverShowsThePasswordOrTheToken() {
    Map<String, String> map = minimal();
    map.put("stream.iggy.password", "hunter2-password");
    IggyStreamConfig withPassword = IggyStreamConfig.from(map, TABLE);
    map.put("stream.iggy.personal.access.token", "pat-very-secret-token");
    IggyStreamConfig withToken = IggyStreamConfig.from(map, TABLE);

    assertThat(withPassword.toString()).doesNotContain("hunter2-password").contains("password=****");
    assertThat(withToken.toString()).doesNotContain("pat-very-secret-token").doesNotContain("hunter2-password")
        .contains("token(****)");
    assertThat(withToken.connection().toString()).doesNotContain("pat-very-secret-token");
  }

  @Test
  void rejectedValuesOfSecretsAreNotEchoed() {
    Map<String, String> map = minimal();
    map.put("stream.iggy.password", "xy");

    assertThatThrownBy(() -> IggyStreamConfig.from(map, TABLE)).hasMessageNotContaining("'xy'");
  }
}
