package org.apache.iggy.connector.pinot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.iggy.connector.pinot.harness.ConsumingSegment;
import org.apache.iggy.connector.pinot.harness.EventsTable;
import org.apache.iggy.connector.pinot.harness.SqlRunner;
import org.apache.pinot.segment.spi.ImmutableSegment;

/**
 * One run of scenario 3: Pinot's real {@code RealtimeSegmentDataManager}, one per partition, all started at once,
 * each consuming until its segment holds every event of its partition, then building and committing it. Timed from
 * the start to the last consumer thread reaching its end criteria (the segment build is not timed); the committed
 * segments are then checked by SQL.
 */
final class SegmentRun {
  private static final long COMMIT_TIMEOUT_MINUTES = 10;

  private SegmentRun() {
  }

  /**
   * @param streamConfig the table's stream config, read through {@link FetchTimingConsumerFactory}
   * @param timer the timer the stream config names
   * @return the rows read, their {@link #checksum}, and as extra the share of the consumer threads' time spent in
   *     {@code fetchMessages}
   */
  static Run consume(SqlRunner sql, Map<String, String> streamConfig, String timer, int partitions,
      int perPartition) throws Exception {
    Map<String, String> config = new HashMap<>(streamConfig);
    config.put("realtime.segment.flush.threshold.rows", Integer.toString(perPartition));
    Path work = Files.createTempDirectory("iggy-pinot-bench");
    List<ConsumingSegment> segments = new ArrayList<>();
    try {
      for (int partition = 0; partition < partitions; partition++) {
        segments.add(new ConsumingSegment(EventsTable.tableConfig(config), EventsTable.schema(), partition, 0, "0",
            work.resolve("p" + partition).toFile()));
      }
      FetchTimingConsumerFactory.takeNanos(timer);
      long started = System.nanoTime();
      segments.forEach(ConsumingSegment::start);
      List<ImmutableSegment> committed = new ArrayList<>();
      for (ConsumingSegment segment : segments) {
        committed.add(segment.awaitCommitted(COMMIT_TIMEOUT_MINUTES, TimeUnit.MINUTES));
      }
      long fetchNanos = FetchTimingConsumerFactory.takeNanos(timer);
      long consumerNanos = 0;
      long lastConsumed = started;
      for (ConsumingSegment segment : segments) {
        long consumed = segment.manager().consumedNanos();
        consumerNanos += consumed - started;
        lastConsumed = Math.max(lastConsumed, consumed);
      }
      Object[] totals = sql.rows("SELECT COUNT(*), DISTINCTCOUNT(seq), MIN(seq), MAX(seq), SUM(seq), "
          + "SUM(duration) FROM events", committed).get(0);
      return new Run(((Number) totals[0]).longValue(), checksum(number(totals[1]), number(totals[2]),
          number(totals[3]), number(totals[4]), number(totals[5])), lastConsumed - started,
          (double) fetchNanos / consumerNanos);
    } finally {
      segments.forEach(ConsumingSegment::close);
      delete(work);
    }
  }

  /** What the SQL totals of {@code count} events from sequence number 0 must sum up to. */
  static long expectedChecksum(long count, long durationSum) {
    return checksum(count, 0, count - 1, count * (count - 1) / 2, durationSum);
  }

  private static long checksum(long distinct, long min, long max, long seqSum, long durationSum) {
    return (((distinct * 31 + min) * 31 + max) * 31 + seqSum) * 31 + durationSum;
  }

  private static long number(Object value) {
    return Math.round(((Number) value).doubleValue());
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
