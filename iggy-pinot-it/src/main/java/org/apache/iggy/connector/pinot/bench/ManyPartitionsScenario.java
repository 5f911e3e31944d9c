package org.apache.iggy.connector.pinot.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.iggy.connector.pinot.decoder.IggyJsonMessageDecoder;
import org.apache.iggy.connector.pinot.harness.EventsTable;

/**
 * Scenario 4: 64 partitions consumed at once in one JVM from one server, each by a connector consumer of its own on
 * a thread of its own that fetches and decodes as Pinot's consumer thread does, with the default batch size; against
 * one consumer reading as many events from a single partition. Besides rows/s: the slowest partition's lag (the
 * events it had still to read) when the first partition was done.
 */
final class ManyPartitionsScenario {
  static final String NAME = "4 many partitions";
  static final int PARTITIONS = 64;
  private static final int BATCH = 100;
  private static final long TIMEOUT_MINUTES = 10;

  private final BenchOptions _options;
  private final BenchIggy _iggy;

  ManyPartitionsScenario(BenchOptions options, BenchIggy iggy) {
    _options = options;
    _iggy = iggy;
  }

  void run(BenchTable table) {
    int perPartition = (int) Math.max(1, _options.events() / PARTITIONS);
    long total = (long) PARTITIONS * perPartition;
    String wide = _iggy.topic(PARTITIONS, perPartition);
    String single = _iggy.topic(1, (int) _options.events());
    Map<String, Run.Side> sides = new LinkedHashMap<>();
    sides.put("1 partition", () -> readAll(single, 1, (int) total));
    sides.put(PARTITIONS + " partitions", () -> readAll(wide, PARTITIONS, perPartition));
    Map<String, SideResult> results = Measurement.backToBack(_options, total, 0, sides);
    SideResult one = results.get("1 partition");
    SideResult many = results.get(PARTITIONS + " partitions");
    table.add(BenchRow.rates(NAME, PARTITIONS + " partitions at once vs 1, batch " + BATCH + ", fetch + decode", one,
        many, Double.NaN));
    table.add(BenchRow.figure(NAME, "slowest partition's lag when the first was done (events of " + perPartition
        + ")", many, String.format(Locale.ROOT, "%.0f", many.medianExtra())));
  }

  /**
   * Reads every partition of {@code topic} at once, {@code perPartition} events each. The checksum is 0 when every
   * partition read exactly its events, else the number of partitions that did not.
   */
  private Run readAll(String topic, int partitions, int perPartition) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(partitions);
    List<ConnectorFetchLoop> loops = new ArrayList<>();
    try {
      for (int p = 0; p < partitions; p++) {
        loops.add(new ConnectorFetchLoop(_iggy.streamConfig(topic, BATCH), p));
      }
      AtomicLongArray read = new AtomicLongArray(partitions);
      AtomicBoolean firstDone = new AtomicBoolean();
      AtomicLong lagWhenFirstDone = new AtomicLong();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Run>> runs = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        int partition = p;
        runs.add(threads.submit(() -> {
          IggyJsonMessageDecoder decoder = new IggyJsonMessageDecoder();
          decoder.init(Map.of(), EventsTable.schema().getColumnNames(), topic);
          start.await();
          Run run = loops.get(partition).read(perPartition, new DecodedRows(decoder),
              count -> read.set(partition, count));
          if (firstDone.compareAndSet(false, true)) {
            long lag = 0;
            for (int other = 0; other < partitions; other++) {
              lag = Math.max(lag, perPartition - read.get(other));
            }
            lagWhenFirstDone.set(lag);
          }
          return run;
        }));
      }
      long[] expected = new long[partitions];
      for (int p = 0; p < partitions; p++) {
        expected[p] = BenchEvents.expected((long) p * perPartition, perPartition).rowChecksum();
      }
      long started = System.nanoTime();
      start.countDown();
      List<Run> done = new ArrayList<>();
      for (Future<Run> run : runs) {
        done.add(run.get(TIMEOUT_MINUTES, TimeUnit.MINUTES));
      }
      long nanos = System.nanoTime() - started;
      long rows = 0;
      long wrong = 0;
      for (int p = 0; p < partitions; p++) {
        rows += done.get(p).rows();
        wrong += done.get(p).checksum() == expected[p] ? 0 : 1;
      }
      return new Run(rows, wrong, nanos, lagWhenFirstDone.get());
    } finally {
      threads.shutdownNow();
      for (ConnectorFetchLoop loop : loops) {
        loop.close();
      }
    }
  }
}
