package org.apache.iggy.connector.pinot.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.apache.iggy.connector.pinot.testserver.IggyTestServer;
import org.apache.iggy.message.Message;
import org.apache.pinot.spi.stream.ConsumerPartitionState;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.MessageBatch;
import org.apache.pinot.spi.stream.OffsetCriteria;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.PartitionLagState;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamMetadataProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sixteen partitions consumed at once, each by a consumer of its own on a thread of its own, as a Pinot server does:
 * a partition whose polls the server never answers and a partition whose connections are reset again and again hold
 * back neither the other partitions nor metadata calls (partition count, latest offsets, smallest offset, lag). Every
 * assertion is on progress, none on timing. Needs the test server's hooks (per-partition poll stalls, resetting the
 * connections that polled one partition), which a real iggy-server has no equivalent of, so it is skipped against one.
 */
class PartitionIsolationIntegrationTest {
  private static final String TOPIC = "wide";
  private static final int PARTITIONS = 16;
  private static final int MESSAGES = 2000;
  private static final int STALLED = 3;
  private static final int DROPPED = 7;
  private static final int BATCH = 100;
  private static final int DROP_EVERY_BATCHES = 3;
  private static final long DEADLINE_SECONDS = 60;
  /** Pinot's fetch timeout: long enough that a healthy partition never times out on a loaded machine. */
  private static final int FETCH_MILLIS = 10_000;
  /** The stalled partition gives up each fetch sooner, so that its consumer retries while the others read. */
  private static final int STALLED_FETCH_MILLIS = 1000;
  private IggyTarget _iggy;
  private IggyTestServer _server;
  private String _stream;
  private volatile boolean _stop;
  private final AtomicLongArray _next = new AtomicLongArray(PARTITIONS);
  private final AtomicIntegerArray _errors = new AtomicIntegerArray(PARTITIONS);

  @BeforeEach
  void produce() {
    _iggy = IggyTarget.start();
    _server = _iggy.testServer("stalling one partition's polls and resetting its connections");
    _stream = _iggy.createTopic(TOPIC, PARTITIONS);
    for (int partition = 0; partition < PARTITIONS; partition++) {
      List<Message> batch = new ArrayList<>();
      for (int seq = 0; seq < MESSAGES; seq++) {
        batch.add(Message.of(payload(partition, seq)));
      }
      _iggy.send(_stream, TOPIC, partition, batch);
    }
  }

  @AfterEach
  void close() {
    _stop = true;
    _iggy.close();
  }

  @Test
  void aStalledPartitionAndDroppedConnectionsHoldBackNeitherTheOtherPartitionsNorMetadataCalls() throws Exception {
    Map<String, String> config = _iggy.streamConfig(_stream, TOPIC);
    config.put("stream.iggy.poll.batch.size", Integer.toString(BATCH));
    config.put("stream.iggy.request.timeout.millis", "2000");
    StreamConsumerFactory factory = Connector.factory(config);
    _server.faults().stallPollsForever(_stream, TOPIC, STALLED);
    ExecutorService threads = Executors.newFixedThreadPool(PARTITIONS);
    try (StreamMetadataProvider metadata = factory.createStreamMetadataProvider("it");
        StreamMetadataProvider partitionZero = factory.createPartitionMetadataProvider("it", 0)) {
      List<Future<?>> readers = new ArrayList<>();
      for (int partition = 0; partition < PARTITIONS; partition++) {
        if (partition != DROPPED) {
          int p = partition;
          readers.add(threads.submit(() -> {
            readToTheEnd(factory, p, () -> { });
            return null;
          }));
        }
      }

      // This thread reads the partition whose connections are reset, after every few batches, while prefetched
      // polls are in flight on them, and asks for metadata between its fetches.
      int[] batches = {0};
      int[] resets = {0};
      readToTheEnd(factory, DROPPED, () -> {
        if (++batches[0] % DROP_EVERY_BATCHES == 0 && _server.partitionConnectionCount(_stream, TOPIC, DROPPED) > 0) {
          _server.dropPartitionConnections(_stream, TOPIC, DROPPED);
          resets[0]++;
        }
        assertMetadataAnswers(metadata, partitionZero);
      });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
      while (!allDone(p -> p != STALLED)) {
        assertThat(System.nanoTime()).as("the healthy partitions finish; read so far: %s", _next).isLessThan(deadline);
        assertMetadataAnswers(metadata, partitionZero);
      }

      assertThat(_next.get(STALLED)).as("the stall still holds its partition").isZero();
      assertThat(resets[0]).as("times the connections of partition %d were reset while it read", DROPPED)
          .isPositive();
      for (int partition = 0; partition < PARTITIONS; partition++) {
        if (partition != STALLED && partition != DROPPED) {
          assertThat(_errors.get(partition)).as("errors of partition %d", partition).isZero();
        }
      }
      assertMetadataAnswers(metadata, partitionZero);

      _server.faults().stallPolls(_stream, TOPIC, STALLED, 0);
      for (Future<?> reader : readers) {
        reader.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
      }
      assertThat(allDone(p -> true)).isTrue();
    } finally {
      _stop = true;
      threads.shutdownNow();
    }
  }

  /**
   * Fetches from offset 0 to the end, checking every payload, and keeps going after errors as Pinot does (it
   * retries the same offset); errors are counted per partition. {@code between} runs after each batch.
   */
  private void readToTheEnd(StreamConsumerFactory factory, int partition, BetweenFetches between) throws Exception {
    try (PartitionGroupConsumer consumer = Connector.consumer(factory, partition)) {
      long offset = 0;
      while (offset < MESSAGES && !_stop) {
        MessageBatch<byte[]> batch;
        try {
          batch = Connector.fetch(consumer, offset, partition == STALLED ? STALLED_FETCH_MILLIS : FETCH_MILLIS);
        } catch (RuntimeException e) {
          _errors.incrementAndGet(partition);
          continue;
        }
        for (int i = 0; i < batch.getMessageCount(); i++) {
          assertThat(Connector.offset(batch, i)).isEqualTo(offset + i);
          assertThat(new String(batch.getStreamMessage(i).getValue(), StandardCharsets.UTF_8))
              .isEqualTo(payload(partition, (int) offset + i));
        }
        offset = Connector.next(batch);
        _next.set(partition, offset);
        between.run();
      }
    }
  }

  /** Partition count, latest offsets of every partition, the smallest offset of partition 0 and its lag. */
  private void assertMetadataAnswers(StreamMetadataProvider metadata, StreamMetadataProvider partitionZero)
      throws Exception {
    assertThat(metadata.fetchPartitionCount(5000)).isEqualTo(PARTITIONS);
    Set<Integer> all = Set.copyOf(IntStream.range(0, PARTITIONS).boxed().toList());
    Map<Integer, ?> latest = metadata.fetchLatestStreamOffset(all, 5000);
    assertThat(latest).hasSize(PARTITIONS);
    assertThat(latest.get(STALLED)).hasToString(Integer.toString(MESSAGES));
    assertThat(partitionZero.fetchStreamPartitionOffset(OffsetCriteria.SMALLEST_OFFSET_CRITERIA, 5000))
        .hasToString("0");
    long consumed = _next.get(0);
    Map<String, PartitionLagState> lag = metadata.getCurrentPartitionLagState(Map.of("0",
        new ConsumerPartitionState("0", new LongMsgOffset(consumed), System.currentTimeMillis(),
            (LongMsgOffset) latest.get(0), null)));
    assertThat(lag.get("0").getRecordsLag()).isEqualTo(Long.toString(MESSAGES - consumed));
  }

  /** What the reading thread does after each batch. */
  private interface BetweenFetches {
    void run() throws Exception;
  }

  private boolean allDone(IntPredicate which) {
    return IntStream.range(0, PARTITIONS).filter(which).allMatch(p -> _next.get(p) == MESSAGES);
  }

  private static String payload(int partition, int seq) {
    return partition + "/" + seq;
  }
}
