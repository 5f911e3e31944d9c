package org.apache.iggy.connector.pinot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.iggy.connector.pinot.harness.EmbeddedController;
import org.apache.iggy.connector.pinot.harness.EventsTable;
import org.apache.iggy.connector.pinot.harness.MiniServer;
import org.apache.iggy.connector.pinot.harness.SqlRunner;
import org.apache.iggy.connector.pinot.it.IggyTarget;
import org.apache.iggy.message.Message;
import org.apache.pinot.common.metadata.segment.SegmentZKMetadata;
import org.apache.pinot.common.utils.LLCSegmentName;
import org.apache.pinot.core.data.manager.realtime.RealtimeSegmentDataManager;
import org.apache.pinot.segment.local.data.manager.SegmentDataManager;
import org.apache.pinot.segment.local.data.manager.TableDataManager;
import org.apache.pinot.segment.spi.IndexSegment;
import org.apache.pinot.spi.utils.CommonConstants;

/** What the full-loop feature tests produce, wait for and check: events, segments in ZooKeeper, rows by SQL. */
final class LoopChecks {
  private LoopChecks() {
  }

  /** {@code perPartition} sequence-numbered events to each of {@code partitions}; returns the next sequence number. */
  static long produce(IggyTarget iggy, String stream, String topic, int partitions, int perPartition,
      long firstSeq) {
    long seq = firstSeq;
    for (int partition = 0; partition < partitions; partition++) {
      List<Message> events = new ArrayList<>();
      for (int i = 0; i < perPartition; i++) {
        events.add(Message.of(EventsTable.event(seq++, System.currentTimeMillis())));
      }
      iggy.send(stream, topic, partition, events);
    }
    return seq;
  }

  /** Polls {@code condition} until it holds, failing with {@code state} after {@code timeout}. */
  static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<Object> state)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("%s in time: %s", what, state.get()).isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  /** Waits until every one of {@code groups} has at least {@code segments} DONE segments; no server error meanwhile. */
  static void awaitCommitted(EmbeddedController controller, MiniServer server, Collection<Integer> groups,
      int segments) throws InterruptedException {
    await(segments + " committed segments per partition group", Duration.ofSeconds(60), () -> {
      assertThat(server.errors()).isEmpty();
      Map<Integer, Long> done = committed(controller);
      return groups.stream().allMatch(group -> done.getOrDefault(group, 0L) >= segments);
    }, () -> committed(controller));
  }

  /** The DONE segments of every partition group. */
  static Map<Integer, Long> committed(EmbeddedController controller) {
    Map<Integer, Long> done = new TreeMap<>();
    byGroup(controller).forEach((group, segments) -> done.put(group, segments.stream()
        .filter(s -> s.getStatus() == CommonConstants.Segment.Realtime.Status.DONE).count()));
    return done;
  }

  /** ZooKeeper's segments by partition group id, in sequence order. */
  static Map<Integer, List<SegmentZKMetadata>> byGroup(EmbeddedController controller) {
    Map<Integer, List<SegmentZKMetadata>> byGroup = new TreeMap<>();
    for (SegmentZKMetadata segment : controller.segments(EventsTable.REALTIME)) {
      byGroup.computeIfAbsent(new LLCSegmentName(segment.getSegmentName()).getPartitionGroupId(),
          group -> new ArrayList<>()).add(segment);
    }
    byGroup.values().forEach(segments -> segments.sort(Comparator.comparingInt(
        segment -> new LLCSegmentName(segment.getSegmentName()).getSequenceNumber())));
    return byGroup;
  }

  /** Every next segment of every partition group starts where the previous one ended. */
  static void assertChained(EmbeddedController controller) {
    for (List<SegmentZKMetadata> segments : byGroup(controller).values()) {
      for (int i = 1; i < segments.size(); i++) {
        assertThat(segments.get(i).getStartOffset()).as("%s starts where the previous ended",
            segments.get(i).getSegmentName()).isEqualTo(segments.get(i - 1).getEndOffset());
      }
    }
  }

  /** The rows of {@code sql} over every segment the server holds for the events table; none without segments. */
  static List<Object[]> query(SqlRunner sql, MiniServer server, String query) throws Exception {
    TableDataManager table = server.table(EventsTable.REALTIME);
    List<SegmentDataManager> acquired = table.acquireAllSegments();
    try {
      if (acquired.isEmpty()) {
        return List.of();
      }
      List<IndexSegment> segments = new ArrayList<>();
      acquired.forEach(manager -> segments.add(manager.getSegment()));
      return sql.rows(query, segments);
    } finally {
      acquired.forEach(table::releaseSegment);
    }
  }

  /** {@code COUNT(*)} and {@code COUNT(DISTINCT seq)} once the count reached {@code expected} (or the deadline). */
  static long[] countAndDistinct(SqlRunner sql, MiniServer server, long expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      List<Object[]> rows = query(sql, server, "SELECT COUNT(*), COUNT(DISTINCT seq) FROM events");
      long[] counts = rows.isEmpty() ? new long[2]
          : new long[] {((Number) rows.get(0)[0]).longValue(), ((Number) rows.get(0)[1]).longValue()};
      if (counts[0] >= expected || System.nanoTime() > deadline) {
        return counts;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  /** Every event in {@code [0, produced)} exactly once: count and distinct count equal what was produced. */
  static void assertExactlyOnce(SqlRunner sql, MiniServer server, long produced) throws Exception {
    long[] counts = countAndDistinct(sql, server, produced);
    assertThat(counts[0]).as("COUNT(*)").isEqualTo(produced);
    assertThat(counts[1]).as("COUNT(DISTINCT seq): no duplicate").isEqualTo(produced);
    Object[] range = query(sql, server, "SELECT MIN(seq), MAX(seq) FROM events").get(0);
    assertThat(((Number) range[0]).longValue()).isZero();
    assertThat(((Number) range[1]).longValue()).as("no gap").isEqualTo(produced - 1);
  }

  /**
   * The server's newest consuming segment of a partition group (the highest sequence number: under pauseless
   * consumption the committing segment is still there beside it), or null; the caller releases it.
   */
  static RealtimeSegmentDataManager consuming(MiniServer server, int group) {
    TableDataManager table = server.table(EventsTable.REALTIME);
    RealtimeSegmentDataManager found = null;
    for (SegmentDataManager manager : table.acquireAllSegments()) {
      if (manager instanceof RealtimeSegmentDataManager && new LLCSegmentName(manager.getSegmentName())
          .getPartitionGroupId() == group && (found == null || sequence(manager) > sequence(found))) {
        if (found != null) {
          table.releaseSegment(found);
        }
        found = (RealtimeSegmentDataManager) manager;
      } else {
        table.releaseSegment(manager);
      }
    }
    return found;
  }

  private static int sequence(SegmentDataManager manager) {
    return new LLCSegmentName(manager.getSegmentName()).getSequenceNumber();
  }
}
