package org.apache.iggy.connector.pinot.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iggy.connector.pinot.consumer.IggyConsumerFactory;
import org.apache.iggy.connector.pinot.decoder.IggyJsonMessageDecoder;
import org.apache.iggy.connector.pinot.harness.SqlRunner;

/**
 * Scenario 3: Pinot 1.5's real {@code RealtimeSegmentDataManager} consuming through our plugin against the same
 * RSDM fed from an {@link InMemoryStream} with the same decoder, batch 100 and 1000, 1 and 4 partitions at once,
 * and the share of the consumer threads spent inside {@code fetchMessages} on each side.
 */
final class RsdmScenario {
  static final String NAME = "3 Pinot RSDM";
  static final int[] BATCHES = {100, 1000};
  static final int[] PARTITIONS = {1, 4};
  private static final double MIN_RATIO = 0.95;
  private static final double MAX_FETCH_SHARE = 0.05;

  private final BenchOptions _options;
  private final BenchIggy _iggy;

  RsdmScenario(BenchOptions options, BenchIggy iggy) {
    _options = options;
    _iggy = iggy;
  }

  void run(BenchTable table) throws Exception {
    try (SqlRunner sql = new SqlRunner()) {
      for (int partitions : PARTITIONS) {
        int perPartition = (int) (_options.events() / partitions);
        String topic = _iggy.topic(partitions, perPartition);
        String memory = "memory-" + topic;
        byte[][][] payloads = new byte[partitions][][];
        for (int p = 0; p < partitions; p++) {
          payloads[p] = BenchEvents.payloads((long) p * perPartition, perPartition);
        }
        InMemoryStream.register(memory, payloads);
        long total = (long) partitions * perPartition;
        long expected = SegmentRun.expectedChecksum(total, BenchEvents.expected(0, total).durationSum());
        try {
          for (int batch : BATCHES) {
            Map<String, Run.Side> sides = new LinkedHashMap<>();
            Map<String, String> memoryConfig = FetchTimingConsumerFactory.wrap(memoryStreamConfig(memory, batch),
                InMemoryStreamConsumerFactory.class.getName(), "memory");
            Map<String, String> pluginConfig = FetchTimingConsumerFactory.wrap(_iggy.streamConfig(topic, batch),
                IggyConsumerFactory.class.getName(), "plugin");
            sides.put("in-memory stream", () -> SegmentRun.consume(sql, memoryConfig, "memory", partitions,
                perPartition));
            sides.put("plugin", () -> SegmentRun.consume(sql, pluginConfig, "plugin", partitions, perPartition));
            Map<String, SideResult> results = Measurement.backToBack(_options, total, expected, sides);
            String what = partitions + (partitions == 1 ? " partition" : " partitions") + ", batch " + batch;
            table.add(BenchRow.rates(NAME, "rows/s, " + what, results.get("in-memory stream"),
                results.get("plugin"), MIN_RATIO));
            table.add(BenchRow.shares(NAME, "fetchMessages share of consumer thread, " + what,
                results.get("in-memory stream"), results.get("plugin"), MAX_FETCH_SHARE));
          }
        } finally {
          InMemoryStream.unregister(memory);
        }
      }
    }
  }

  private static Map<String, String> memoryStreamConfig(String name, int batch) {
    Map<String, String> config = new HashMap<>();
    config.put("streamType", "memory");
    config.put("stream.memory.topic.name", name);
    config.put("stream.memory.consumer.factory.class.name", InMemoryStreamConsumerFactory.class.getName());
    config.put("stream.memory.decoder.class.name", IggyJsonMessageDecoder.class.getName());
    config.put("stream.memory.consumer.prop.auto.offset.reset", "smallest");
    config.put("stream.memory." + InMemoryStreamConsumerFactory.BATCH_SIZE, Integer.toString(batch));
    return config;
  }
}
