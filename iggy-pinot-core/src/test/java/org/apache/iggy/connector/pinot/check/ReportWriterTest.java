package org.apache.iggy.connector.pinot.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReportWriterTest {
  @Test
  void aMultiTopicReportListsEachStreamConfigWithPinotsPartitionGroupIds() throws Exception {
    CheckReport report = new CheckReport();
    report.table("events_REALTIME");
    reachable(report.addStream(), "analytics", "clicks", 2);
    reachable(report.addStream(), "shop", "orders", 3);

    String text = ReportWriter.text(report);
    JsonNode json = new ObjectMapper().readTree(ReportWriter.json(report));

    assertThat(text).contains("Table config   OK, 2 stream configs (multi-topic)\n",
        "-- stream config #1 of 2: Pinot partition groups from 10000\n",
        "Topic          stream shop, topic orders: 3 partition(s), offset criteria 'smallest'\n",
        "  pinot group  partition  first offset", "RESULT: OK")
        .containsPattern("\n  10002 +2 +0 +5 +5 +0 +\n");
    assertThat(json.get("ok").asBoolean()).isTrue();
    assertThat(json.at("/streams/1/firstPartitionGroup").asInt()).isEqualTo(10_000);
    assertThat(json.at("/streams/1/topic/topic").asText()).isEqualTo("orders");
    assertThat(json.at("/streams/1/topic/partitions/2/partition").asInt()).isEqualTo(2);
    assertThat(json.at("/streams/1/topic/partitions/2/partitionGroup").asInt()).isEqualTo(10_002);
  }

  @Test
  void aSingleStreamReportNeedsNoPartitionGroupColumn() {
    CheckReport report = new CheckReport();
    reachable(report.addStream(), "analytics", "clicks", 1);

    assertThat(ReportWriter.text(report)).contains("Table config   OK\nStream config  OK\n")
        .doesNotContain("pinot group", "-- stream config").containsPattern("\n  0 +0 +5 +5 +0 +\n");
  }

  @Test
  void oneFailingStreamConfigFailsTheTable() throws Exception {
    CheckReport report = new CheckReport();
    reachable(report.addStream(), "analytics", "clicks", 1);
    report.addStream().configProblem("stream.iggy.host is required");

    JsonNode json = new ObjectMapper().readTree(ReportWriter.json(report));

    assertThat(report.ok()).isFalse();
    assertThat(ReportWriter.text(report)).contains("-- stream config #1 of 2", "Stream config  1 problem(s)\n"
        + "  - stream.iggy.host is required\nConnection     not tried", "RESULT: FAILED");
    assertThat(json.at("/streams/0/ok").asBoolean()).isTrue();
    assertThat(json.at("/streams/1/ok").asBoolean()).isFalse();
  }

  private static void reachable(StreamReport stream, String streamName, String topic, int partitions) {
    stream.connection(new StreamReport.Connection("localhost:8090", "user 'iggy'", false, null, null));
    stream.topic(streamName, topic, "smallest");
    for (int p = 0; p < partitions; p++) {
      stream.partition(new PartitionReport(p, stream.firstPartitionGroup() + p, 0, 5, 5, 0, null));
    }
  }
}
