package org.apache.iggy.connector.pinot.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.iggy.connector.pinot.decoder.IggyJsonMessageDecoder;
import org.apache.iggy.connector.pinot.harness.EventsTable;
import org.apache.pinot.spi.stream.StreamMessageDecoder;

/**
 * Scenario 2: our JSON decoder against Jackson's tree model, both decoding the same payloads into a reused
 * {@code GenericRow} with the fields of the README's schema, every row checksummed. A run decodes 500,000 events in a
 * fraction of a second, during which this machine's speed can change by a third, so this scenario measures {@link
 * #RUNS_FACTOR} times as many runs as the others.
 */
final class DecoderScenario {
  static final String NAME = "2 JSON decoder";
  private static final int RUNS_FACTOR = 5;
  private static final double MIN_RATIO = 2.0;

  private final BenchOptions _options;

  DecoderScenario(BenchOptions options) {
    _options = options;
  }

  void run(BenchTable table) {
    int events = (int) _options.events();
    byte[][] payloads = BenchEvents.payloads(0, events);
    BenchEvents.Expected expected = BenchEvents.expected(0, events);
    Set<String> fields = EventsTable.schema().getColumnNames();
    Map<String, Run.Side> sides = new LinkedHashMap<>();
    sides.put("Jackson tree", () -> decodeAll(new JacksonTreeDecoder(), fields, payloads));
    sides.put("IggyJsonMessageDecoder", () -> decodeAll(new IggyJsonMessageDecoder(), fields, payloads));
    Map<String, SideResult> results = Measurement.backToBack(_options.withRuns(_options.runs() * RUNS_FACTOR),
        events, expected.rowChecksum(), sides);
    table.add(BenchRow.rates(NAME, "decode into GenericRow, " + fields.size() + " fields",
        results.get("Jackson tree"), results.get("IggyJsonMessageDecoder"), MIN_RATIO));
  }

  private static Run decodeAll(StreamMessageDecoder<byte[]> decoder, Set<String> fields, byte[][] payloads)
      throws Exception {
    decoder.init(Map.of(), fields, "bench");
    DecodedRows rows = new DecodedRows(decoder);
    long started = System.nanoTime();
    for (byte[] payload : payloads) {
      rows.add(payload);
    }
    return Run.of(payloads.length, rows.value(), System.nanoTime() - started);
  }
}
