package org.apache.iggy.connector.pinot.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iggy.connector.pinot.testing.TestConfigs;
import org.apache.pinot.spi.config.table.TableConfig;
import org.apache.pinot.spi.config.table.TableType;
import org.apache.pinot.spi.config.table.ingestion.IngestionConfig;
import org.apache.pinot.spi.config.table.ingestion.StreamIngestionConfig;
import org.apache.pinot.spi.data.readers.GenericRow;
import org.apache.pinot.spi.stream.StreamMessageDecoder;
import org.apache.pinot.spi.utils.builder.TableConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableConfigCheckTest {
  @TempDir
  Path _dir;

  @Test
  void aMultiTopicTableGetsAReportPerStreamConfigInPinotsOrder() throws Exception {
    CheckReport report = new CheckReport();

    List<TableConfigCheck.Setup> setups = inspect(multiTopic(stream(Map.of()), stream(Map.of(
        "stream.iggy.stream.id", "shop", "stream.iggy.topic.name", "orders", "stream.iggy.poll.batch.size", "lots"))),
        report);

    assertThat(report.streams()).extracting(StreamReport::index, StreamReport::firstPartitionGroup)
        .containsExactly(tuple(0, 0), tuple(1, 10_000));
    assertThat(report.configProblems()).isEmpty();
    assertThat(report.warnings()).isEmpty();
    assertThat(report.streams().get(0).configProblems()).isEmpty();
    assertThat(report.streams().get(1).configProblems()).singleElement().asString()
        .startsWith("stream.iggy.poll.batch.size: 'lots'");
    assertThat(setups).extracting(setup -> setup.report().index()).containsExactly(0, 1);
    assertThat(setups.get(0).iggy().topic().name()).isEqualTo("user-events");
    assertThat(setups.get(1).iggy()).as("nothing to connect to with invalid Iggy keys").isNull();
    assertThat(report.ok()).as("stream config #0 is not probed yet, and #1 is invalid").isFalse();
  }

  @Test
  void aStreamConfigOfAnotherStreamTypeIsNamedAndNotProbed() throws Exception {
    CheckReport report = new CheckReport();
    Map<String, String> kafka = Map.of("streamType", "kafka", "stream.kafka.topic.name", "clicks",
        "stream.kafka.decoder.class.name", NoRowDecoder.class.getName());

    List<TableConfigCheck.Setup> setups = inspect(multiTopic(stream(Map.of()), kafka), report);

    assertThat(setups).extracting(setup -> setup.report().index()).containsExactly(0);
    assertThat(report.streams()).hasSize(2);
    assertThat(report.streams().get(1).configProblems()).contains("streamType is 'kafka': set it to 'iggy' (the "
        + "keys are then stream.iggy.*)");
  }

  @Test
  void twoStreamConfigsOnOneTopicAreWarnedAbout() throws Exception {
    CheckReport report = new CheckReport();

    inspect(multiTopic(stream(Map.of()), stream(Map.of("stream.iggy.consumer.prop.auto.offset.reset", "largest"))),
        report);

    assertThat(report.warnings()).singleElement().asString().isEqualTo("stream configs #0 and #1 both read "
        + "localhost:8090 stream 'analytics' topic 'user-events': Pinot would ingest every message of that topic once "
        + "for each");
  }

  @Test
  void aTableWithoutStreamConfigsHasNoStreamReportAndFails() throws Exception {
    CheckReport report = new CheckReport();
    TableConfig table = new TableConfigBuilder(TableType.REALTIME).setTableName("events").build();

    assertThat(inspect(table, report)).isEmpty();
    assertThat(report.streams()).isEmpty();
    assertThat(report.configProblems()).singleElement().asString().startsWith("the table has no stream config");
    assertThat(report.ok()).isFalse();
  }

  private List<TableConfigCheck.Setup> inspect(TableConfig table, CheckReport report) throws Exception {
    Path file = Files.writeString(_dir.resolve("table-" + System.nanoTime() + ".json"), table.toJsonString());
    return TableConfigCheck.inspect(CheckOptions.parse("--table-config", file.toString()), report);
  }

  private static Map<String, String> stream(Map<String, String> overrides) {
    Map<String, String> map = TestConfigs.streamConfigMap();
    map.put("stream.iggy.decoder.class.name", NoRowDecoder.class.getName());
    map.putAll(overrides);
    return map;
  }

  @SafeVarargs
  private static TableConfig multiTopic(Map<String, String>... streams) {
    IngestionConfig ingestion = new IngestionConfig();
    ingestion.setStreamIngestionConfig(new StreamIngestionConfig(List.of(streams)));
    return new TableConfigBuilder(TableType.REALTIME).setTableName("events").setIngestionConfig(ingestion).build();
  }

  /** A decoder the core module can load (the JSON decoder lives in the decoders module). */
  public static final class NoRowDecoder implements StreamMessageDecoder<byte[]> {
    @Override
    public void init(Map<String, String> props, Set<String> fieldsToRead, String topicName) {
    }

    @Override
    public GenericRow decode(byte[] payload, GenericRow destination) {
      return null;
    }

    @Override
    public GenericRow decode(byte[] payload, int offset, int length, GenericRow destination) {
      return null;
    }
  }
}
