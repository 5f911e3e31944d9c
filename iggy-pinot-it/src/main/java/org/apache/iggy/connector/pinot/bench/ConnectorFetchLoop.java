package org.apache.iggy.connector.pinot.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.MessageBatch;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.PartitionGroupConsumptionStatus;
import org.apache.pinot.spi.stream.StreamConfig;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamConsumerFactoryProvider;
import org.apache.pinot.spi.utils.retry.RetryPolicies;

/**
 * The connector as Pinot's consumer thread drives it: a consumer created through Pinot's factory provider from the
 * stream config ({@code IggyConsumerFactory} to {@code PartitionGroupConsumer}), then {@code fetchMessages} from each
 * batch's next offset. Creating and connecting the consumer is not timed (the SDK loop's login is not either).
 */
final class ConnectorFetchLoop implements AutoCloseable {
  static final String TABLE = "events_REALTIME";
  private static final int FETCH_TIMEOUT_MILLIS = 10_000;
  private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final PartitionGroupConsumer _consumer;

  /** A connected consumer of {@code partition} from offset 0. */
  ConnectorFetchLoop(Map<String, String> streamConfig, int partition) {
    StreamConsumerFactory factory = StreamConsumerFactoryProvider.create(new StreamConfig(TABLE, streamConfig));
    _consumer = factory.createPartitionGroupConsumer("bench-" + partition, new PartitionGroupConsumptionStatus(
        partition, 0, new LongMsgOffset(0), null, "IN_PROGRESS"), RetryPolicies.fixedDelayRetryPolicy(3, 100));
  }

  /** Reads {@code count} messages from offset 0 into {@code sink}; {@code progress} sees the count after each batch. */
  Run read(long count, Sink sink, Progress progress) throws Exception {
    long started = System.nanoTime();
    long offset = 0;
    long read = 0;
    long lastProgress = started;
    while (read < count) {
      MessageBatch<byte[]> batch = _consumer.fetchMessages(new LongMsgOffset(offset), FETCH_TIMEOUT_MILLIS);
      int messages = batch.getMessageCount();
      for (int i = 0; i < messages && read < count; i++) {
        sink.add(batch.getStreamMessage(i).getValue());
        read++;
      }
      offset = ((LongMsgOffset) batch.getOffsetOfNextBatch()).getOffset();
      progress.read(read);
      long now = System.nanoTime();
      if (messages > 0) {
        lastProgress = now;
      } else if (now - lastProgress > STALL_NANOS) {
        break;
      }
    }
    return Run.of(read, sink.value(), System.nanoTime() - started);
  }

  @Override
  public void close() throws Exception {
    _consumer.close();
  }

  /** Sees how far a loop has read. */
  @FunctionalInterface
  interface Progress {
    Progress NONE = read -> { };

    void read(long messages);
  }
}
