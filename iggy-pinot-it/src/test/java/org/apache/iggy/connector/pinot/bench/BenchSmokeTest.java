package org.apache.iggy.connector.pinot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.iggy.connector.pinot.it.IggyTarget;
import org.junit.jupiter.api.Test;

/**
 * Runs every scenario of bin/iggy-pinot-bench once with tiny sizes ({@code --smoke}) against the test server (or the
 * real server of {@code IGGY_TCP_ADDRESS}) and checks that the table has every row and that every side of every
 * comparison read exactly what was produced. The figures of so small a run mean nothing and are not checked.
 */
class BenchSmokeTest {
  @Test
  void everyScenarioReadsExactlyWhatItProducedAndFillsItsRows() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    BenchTable table;
    try (IggyTarget iggy = IggyTarget.start()) {
      BenchOptions options = BenchOptions.parse("--smoke", "--iggy", iggy.host() + ":" + iggy.port(), "--username",
          iggy.username(), "--password", iggy.password());
      table = new Bench(options, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
    }

    List<String> rows = table.rows().stream().map(row -> row.scenario() + ": " + row.what()).toList();
    assertThat(rows).containsExactly(
        "1 fetch loop: fetch loop vs SDK (1 in flight), batch 100",
        "1 fetch loop: fetch loop vs SDK (4 in flight), batch 100",
        "1 fetch loop: fetch loop vs SDK (1 in flight), batch 1000",
        "1 fetch loop: fetch loop vs SDK (4 in flight), batch 1000",
        "1 fetch loop: fetch loop vs SDK (1 in flight), batch 5000",
        "1 fetch loop: fetch loop vs SDK (4 in flight), batch 5000",
        "2 JSON decoder: decode into GenericRow, 7 fields",
        "3 Pinot RSDM: rows/s, 1 partition, batch 100",
        "3 Pinot RSDM: fetchMessages share of consumer thread, 1 partition, batch 100",
        "3 Pinot RSDM: rows/s, 1 partition, batch 1000",
        "3 Pinot RSDM: fetchMessages share of consumer thread, 1 partition, batch 1000",
        "3 Pinot RSDM: rows/s, 4 partitions, batch 100",
        "3 Pinot RSDM: fetchMessages share of consumer thread, 4 partitions, batch 100",
        "3 Pinot RSDM: rows/s, 4 partitions, batch 1000",
        "3 Pinot RSDM: fetchMessages share of consumer thread, 4 partitions, batch 1000",
        "4 many partitions: 64 partitions at once vs 1, batch 100, fetch + decode",
        "4 many partitions: slowest partition's lag when the first was done (events of 20)");
    assertThat(table.rows()).allSatisfy(row -> assertThat(row.check()).as(row.what()).isEqualTo("ok"));
    assertThat(table.rows()).filteredOn(row -> row.what().startsWith("fetch loop") || row.what().startsWith("rows/s")
        || row.what().startsWith("decode")).allSatisfy(row -> assertThat(row.ratio()).as(row.what()).endsWith("x"));
    assertThat(table.passed()).isTrue();
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains(table.render())
        .contains("every check passed");
  }
}
