package org.apache.iggy.connector.pinot.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 1: the connector's {@code fetchMessages} loop against the SDK's own poll loop with 1 and with 4 polls in
 * flight, one partition, batch 100 / 1000 / 5000 ({@code stream.iggy.poll.batch.size}), every payload checksummed
 * on both sides.
 */
final class FetchScenario {
  static final String NAME = "1 fetch loop";
  static final int[] BATCHES = {100, 1000, 5000};
  private static final double MIN_VS_ONE_IN_FLIGHT = 1.0;
  private static final double MIN_VS_FOUR_IN_FLIGHT = 0.9;
  private static final int FOUR_IN_FLIGHT_TARGET_BATCH = 1000;

  private final BenchOptions _options;
  private final BenchIggy _iggy;

  FetchScenario(BenchOptions options, BenchIggy iggy) {
    _options = options;
    _iggy = iggy;
  }

  void run(BenchTable table) throws Exception {
    int events = (int) _options.events();
    String topic = _iggy.topic(1, events);
    BenchEvents.Expected expected = BenchEvents.expected(0, events);
    try (SdkPollLoop one = new SdkPollLoop(_iggy, 1); SdkPollLoop four = new SdkPollLoop(_iggy, 4)) {
      for (int batch : BATCHES) {
        Map<String, Run.Side> sides = new LinkedHashMap<>();
        sides.put("SDK, 1 in flight", () -> one.read(topic, 0, events, batch));
        sides.put("SDK, 4 in flight", () -> four.read(topic, 0, events, batch));
        sides.put("connector", () -> {
          try (ConnectorFetchLoop loop = new ConnectorFetchLoop(_iggy.streamConfig(topic, batch), 0)) {
            return loop.read(events, new PayloadChecksum(), ConnectorFetchLoop.Progress.NONE);
          }
        });
        Map<String, SideResult> results = Measurement.backToBack(_options, events, expected.payloadChecksum(),
            sides);
        List<SideResult> sdk = List.copyOf(results.values());
        SideResult connector = results.get("connector");
        table.add(BenchRow.rates(NAME, "fetch loop vs SDK (1 in flight), batch " + batch, sdk.get(0), connector,
            MIN_VS_ONE_IN_FLIGHT));
        table.add(BenchRow.rates(NAME, "fetch loop vs SDK (4 in flight), batch " + batch, sdk.get(1), connector,
            batch == FOUR_IN_FLIGHT_TARGET_BATCH ? MIN_VS_FOUR_IN_FLIGHT : Double.NaN));
      }
    }
  }
}
