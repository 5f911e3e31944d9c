package org.apache.iggy.connector.pinot.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.MessageBatch;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.PartitionGroupConsumptionStatus;
import org.apache.pinot.spi.stream.StreamConfig;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamConsumerFactoryProvider;

/** Builds the connector the way Pinot does, from a stream-config map, through Pinot's own factory provider. */
final class Connector {
  static final String TABLE = "events_REALTIME";

  private Connector() {
  }

  static StreamConsumerFactory factory(Map<String, String> streamConfig) {
    return StreamConsumerFactoryProvider.create(new StreamConfig(TABLE, streamConfig));
  }

  static PartitionGroupConsumer consumer(StreamConsumerFactory factory, int partition) {
    return factory.createPartitionGroupConsumer("it-" + partition, new PartitionGroupConsumptionStatus(partition,
        partition, new LongMsgOffset(0), null, "IN_PROGRESS"));
  }

  static MessageBatch<byte[]> fetch(PartitionGroupConsumer consumer, long offset, int timeoutMs) {
    try {
      return consumer.fetchMessages(new LongMsgOffset(offset), timeoutMs);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  static List<String> payloads(MessageBatch<byte[]> batch) {
    List<String> payloads = new ArrayList<>();
    for (int i = 0; i < batch.getMessageCount(); i++) {
      payloads.add(new String(batch.getStreamMessage(i).getValue(), StandardCharsets.UTF_8));
    }
    return payloads;
  }

  static long offset(MessageBatch<byte[]> batch, int index) {
    return ((LongMsgOffset) batch.getStreamMessage(index).getMetadata().getOffset()).getOffset();
  }

  static long next(MessageBatch<byte[]> batch) {
    return ((LongMsgOffset) batch.getOffsetOfNextBatch()).getOffset();
  }
}
