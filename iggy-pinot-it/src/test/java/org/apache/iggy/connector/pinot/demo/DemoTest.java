package org.apache.iggy.connector.pinot.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's demo in a short mode, with the connector loaded by Pinot's PluginManager from the unpacked plugin
 * archive (Maven runs it where our modules are not on the class path): Pinot's answers must match what was produced.
 */
class DemoTest {

  @Test
  void theDemoIngestsEveryProducedEventAndItsQueriesAgreeWithWhatWasProduced() throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    DemoResult result;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      result = new Demo(DemoOptions.parse("--duration", "8s", "--rate", "300"), out, false).run();
    }
    String printed = output.toString(StandardCharsets.UTF_8);

    ProducedEvents produced = result.produced();
    assertThat(produced.total()).isGreaterThan(1000);
    assertThat(result.rows()).isEqualTo(produced.total());

    Map<String, Long> byType = new HashMap<>();
    result.eventsByType().forEach(row -> byType.put((String) row[0], ((Number) row[1]).longValue()));
    assertThat(byType).isEqualTo(produced.perEventType());

    Map<String, Double> averageByDevice = new HashMap<>();
    result.durationByDevice().forEach(row -> averageByDevice.put((String) row[0], ((Number) row[1]).doubleValue()));
    assertThat(averageByDevice).containsOnlyKeys(produced.averageDurationPerDevice().keySet());
    produced.averageDurationPerDevice().forEach((device, average) ->
        assertThat(averageByDevice.get(device)).as(device).isCloseTo(average, within(1e-6)));

    assertThat(result.latestEvents()).hasSize(5);
    assertThat(printed)
        .contains("connector loaded by Pinot's PluginManager from", "pinot-iggy-", "-shaded.jar")
        .contains("Pinot holds " + produced.total() + " rows")
        .contains("Events by type:", "Average duration by device:", "Latest events:")
        .containsPattern("committed segments [1-9]");
  }
}
