package org.apache.iggy.connector.pinot.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.apache.pinot.spi.stream.MessageBatch;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamMessageMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading produced data through the connector over real TCP: every message exactly once, in order. */
class ConsumptionIntegrationTest {
  private static final int PARTITIONS = 4;
  private static final int MESSAGES = 100_000;
  private static final String TOPIC = "events";
  private static IggyTarget iggy;
  private static String stream;
  private static long producedAtMicros;

  @BeforeAll
  static void produce() {
    iggy = IggyTarget.start();
    stream = iggy.createTopic(TOPIC, PARTITIONS);
    producedAtMicros = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
    for (int partition = 0; partition < PARTITIONS; partition++) {
      List<Message> batch = new ArrayList<>();
      for (int seq = partition; seq < MESSAGES; seq += PARTITIONS) {
        batch.add(Message.of(payload(seq), Map.of(HeaderKey.fromString("seq"), HeaderValue.fromInt64(seq))));
        if (batch.size() == 1000) {
          iggy.send(stream, TOPIC, partition, batch);
          batch = new ArrayList<>();
        }
      }
      if (!batch.isEmpty()) {
        iggy.send(stream, TOPIC, partition, batch);
      }
    }
  }

  @AfterAll
  static void close() {
    iggy.close();
  }

  private static String payload(int seq) {
    return "{\"seq\":" + seq + ",\"text\":\"événement " + seq + "\"}";
  }

  @Test
  void everyMessageExactlyOnceInOrderWithContiguousOffsetsAndEqualPayloadsAndHeaders() throws Exception {
    Map<String, String> config = iggy.streamConfig(stream, TOPIC);
    config.put("stream.iggy.metadata.populate", "true");
    StreamConsumerFactory factory = Connector.factory(config);
    int total = 0;
    for (int partition = 0; partition < PARTITIONS; partition++) {
      PartitionGroupConsumer consumer = Connector.consumer(factory, partition);
      long offset = 0;
      int expectedSeq = partition;
      while (true) {
        MessageBatch<byte[]> batch = Connector.fetch(consumer, offset, 5000);
        if (batch.getMessageCount() == 0) {
          assertThat(Connector.next(batch)).isEqualTo(offset);
          break;
        }
        assertThat(batch.hasDataLoss()).isFalse();
        for (int i = 0; i < batch.getMessageCount(); i++) {
          StreamMessageMetadata metadata = batch.getStreamMessage(i).getMetadata();
          assertThat(Connector.offset(batch, i)).isEqualTo(offset + i);
          assertThat(batch.getStreamMessage(i).getValue()).isEqualTo(payload(expectedSeq).getBytes(
              StandardCharsets.UTF_8));
          assertThat(metadata.getHeaders().getValue("seq")).isEqualTo((long) expectedSeq);
          expectedSeq += PARTITIONS;
        }
        offset = Connector.next(batch);
        total += batch.getMessageCount();
      }
      assertThat(expectedSeq - PARTITIONS).isLessThan(MESSAGES);
      consumer.close();
    }
    assertThat(total).isEqualTo(MESSAGES);
  }

  @Test
  void theSameStartOffsetGivesTheSameBatchAndNextOffsetsChain() throws Exception {
    StreamConsumerFactory factory = Connector.factory(iggy.streamConfig(stream, TOPIC));
    PartitionGroupConsumer consumer = Connector.consumer(factory, 2);

    MessageBatch<byte[]> first = Connector.fetch(consumer, 1234, 5000);
    MessageBatch<byte[]> again = Connector.fetch(consumer, 1234, 5000);
    MessageBatch<byte[]> chained = Connector.fetch(consumer, Connector.next(first), 5000);

    assertThat(Connector.payloads(again)).isEqualTo(Connector.payloads(first)).hasSize(500);
    assertThat(Connector.offset(first, 0)).isEqualTo(1234);
    assertThat(Connector.offset(chained, 0)).isEqualTo(1234 + 500);
    assertThat(first.getSizeInBytes()).isEqualTo(Connector.payloads(first).stream()
        .mapToLong(p -> p.getBytes(StandardCharsets.UTF_8).length).sum());
    consumer.close();
  }

  @Test
  void ingestionTimeIsTheServerTimestampInMillisAndMetadataIsPopulated() throws Exception {
    Map<String, String> config = iggy.streamConfig(stream, TOPIC);
    config.put("stream.iggy.metadata.populate", "true");
    PartitionGroupConsumer consumer = Connector.consumer(Connector.factory(config), 1);

    MessageBatch<byte[]> batch = Connector.fetch(consumer, 0, 5000);
    StreamMessageMetadata metadata = batch.getStreamMessage(0).getMetadata();

    long nowMillis = System.currentTimeMillis();
    assertThat(metadata.getRecordIngestionTimeMs()).isBetween(producedAtMicros / 1000 - 1, nowMillis);
    assertThat(metadata.getRecordMetadata()).containsEntry("offset", "0").containsEntry("partition", "1")
        .containsEntry("timestamp", Long.toString(metadata.getRecordIngestionTimeMs()))
        .containsEntry("originTimestamp", "0").containsKey("messageId");
    assertThat(metadata.getRecordMetadata().get("messageId")).matches("[0-9]+");
    consumer.close();
  }
}
