package org.apache.iggy.connector.pinot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A side that reads nothing, too little, other content or fails fails its row and the table. */
class MeasurementTest {
  private static final BenchOptions OPTIONS = BenchOptions.parse("--events", "10", "--warmups", "1");

  private static BenchRow compare(Run.Side ours) {
    Map<String, Run.Side> sides = new LinkedHashMap<>();
    sides.put("baseline", () -> Run.of(10, 42, 1_000));
    sides.put("ours", ours);
    Map<String, SideResult> results = Measurement.backToBack(OPTIONS, 10, 42, sides);
    return BenchRow.rates("s", "w", results.get("baseline"), results.get("ours"), 1.0);
  }

  @Test
  void aSideThatReadsExactlyWhatWasProducedPassesWithTheRatioOfMedians() {
    int[] calls = {0};
    BenchRow row = compare(() -> Run.of(10, 42, ++calls[0] == 3 ? 100_000 : 500));

    assertThat(calls[0]).as("a warm-up and three measured runs").isEqualTo(4);
    assertThat(row.check()).isEqualTo("ok");
    assertThat(row.ratio()).isEqualTo("2.00x");
    assertThat(row.met()).isEqualTo("yes");
  }

  @Test
  void aSideThatReadsNothingFails() {
    BenchRow row = compare(() -> Run.of(0, 0, 1_000));

    assertThat(row.check()).isEqualTo("FAILED: ours: read 0 rows of 10");
    assertThat(row.ratio()).isEqualTo("-");
    BenchTable table = new BenchTable();
    table.add(row);
    assertThat(table.passed()).isFalse();
  }

  @Test
  void otherContentOrAnErrorFails() {
    assertThat(compare(() -> Run.of(10, 41, 1_000)).check())
        .isEqualTo("FAILED: ours: read other content than produced (checksum)");
    assertThat(compare(() -> {
      throw new IllegalStateException("connection refused");
    }).check()).isEqualTo("FAILED: ours: connection refused");
  }

  @Test
  void anEmptyTableFails() {
    assertThat(new BenchTable().passed()).isFalse();
  }
}
