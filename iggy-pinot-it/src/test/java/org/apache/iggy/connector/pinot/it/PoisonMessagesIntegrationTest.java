package org.apache.iggy.connector.pinot.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iggy.connector.pinot.it.RawIggyClient.RawMessage;
import org.apache.pinot.spi.stream.MessageBatch;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamMessageMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Messages whose user headers are malformed (Iggy 0.8 stores header bytes unchecked) never block their partition:
 * with {@code metadata.populate} they are delivered without headers, counted and logged once per 1000 with their
 * offset; without it, headers are never read. Every message arrives once, in order, across batch boundaries and
 * prefetched polls. Runs against a real iggy-server too: the malformed bytes are sent over the plain protocol.
 */
class PoisonMessagesIntegrationTest {
  private static final String TOPIC = "poison";
  /** Every third message is malformed, cycling through the three kinds: 1001 of them, so two log lines. */
  private static final int MESSAGES = 3003;
  private static final int MALFORMED = MESSAGES / 3;
  private static final int STRING = 2;
  private static final int INT32 = 6;
  private static final int INT64 = 7;
  private static IggyTarget iggy;
  private static String stream;

  @BeforeAll
  static void produce() {
    iggy = IggyTarget.start();
    stream = iggy.createTopic(TOPIC, 1);
    try (RawIggyClient raw = RawIggyClient.connect(iggy.host(), iggy.port(), iggy.username(), iggy.password())) {
      List<RawMessage> batch = new ArrayList<>();
      for (int seq = 0; seq < MESSAGES; seq++) {
        batch.add(new RawMessage(payload(seq), headers(seq)));
        if (batch.size() == 500) {
          raw.send(stream, TOPIC, 0, batch);
          batch = new ArrayList<>();
        }
      }
      raw.send(stream, TOPIC, 0, batch);
    }
  }

  @AfterAll
  static void close() {
    iggy.close();
  }

  @Test
  void withMetadataMalformedHeadersAreDroppedCountedAndLoggedOncePer1000AndThePartitionMovesOn() throws Exception {
    try (CapturedLogs logs = new CapturedLogs()) {
      List<StreamMessageMetadata> metadata = readAll(true);

      for (int seq = 0; seq < MESSAGES; seq++) {
        StreamMessageMetadata message = metadata.get(seq);
        assertThat(message.getRecordMetadata()).as("offset %d keeps its metadata", seq).containsEntry("offset",
            Integer.toString(seq));
        if (isMalformed(seq)) {
          assertThat(message.getHeaders()).as("offset %d", seq).isNull();
        } else {
          assertThat(message.getHeaders().getValue("seq")).as("offset %d", seq).isEqualTo((long) seq);
        }
      }
      assertThat(headerWarnings(logs)).hasSize(2).satisfiesExactly(
          first -> assertThat(first).contains("at offset 1 of partition 0", "unknown kind 99",
              "1 message(s) of this partition"),
          second -> assertThat(second).contains("at offset " + (3 * 1000 + 1) + " of partition 0",
              "1001 message(s) of this partition"));
    }
  }

  @Test
  void withoutMetadataHeadersAreNeverReadAndNothingIsLogged() throws Exception {
    try (CapturedLogs logs = new CapturedLogs()) {
      List<StreamMessageMetadata> metadata = readAll(false);

      assertThat(metadata).allSatisfy(message -> assertThat(message.getHeaders()).isNull());
      assertThat(headerWarnings(logs)).isEmpty();
    }
  }

  /** Reads the partition to its end with batches of 100, checking payloads and offsets; returns the metadata. */
  private static List<StreamMessageMetadata> readAll(boolean populate) throws Exception {
    Map<String, String> config = iggy.streamConfig(stream, TOPIC);
    config.put("stream.iggy.metadata.populate", Boolean.toString(populate));
    config.put("stream.iggy.poll.batch.size", "100");
    StreamConsumerFactory factory = Connector.factory(config);
    List<StreamMessageMetadata> metadata = new ArrayList<>();
    PartitionGroupConsumer consumer = Connector.consumer(factory, 0);
    try {
      long offset = 0;
      while (offset < MESSAGES) {
        MessageBatch<byte[]> batch = Connector.fetch(consumer, offset, 5000);
        assertThat(batch.getMessageCount()).as("progress at offset %d", offset).isPositive();
        for (int i = 0; i < batch.getMessageCount(); i++) {
          assertThat(Connector.offset(batch, i)).isEqualTo(offset + i);
          assertThat(batch.getStreamMessage(i).getValue()).isEqualTo(payload((int) offset + i));
          metadata.add(batch.getStreamMessage(i).getMetadata());
        }
        offset = Connector.next(batch);
      }
      assertThat(Connector.fetch(consumer, offset, 200).getMessageCount()).as("nothing after the end").isZero();
    } finally {
      consumer.close();
    }
    assertThat(metadata).hasSize(MESSAGES);
    assertThat(MALFORMED).isEqualTo(1001);
    return metadata;
  }

  private static List<String> headerWarnings(CapturedLogs logs) {
    return logs.lines().stream().filter(line -> line.contains("without its user headers")).toList();
  }

  private static boolean isMalformed(int seq) {
    return seq % 3 == 1;
  }

  private static byte[] payload(int seq) {
    return ("{\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8);
  }

  /** A valid {@code seq} Int64 header, or one of three malformations by turn. */
  private static byte[] headers(int seq) {
    if (!isMalformed(seq)) {
      return entry("seq", INT64, little(8).putLong(seq).array());
    }
    return switch ((seq / 3) % 3) {
      case 0 -> entry("n", 99, new byte[] {1});
      case 1 -> entry("n", INT32, new byte[] {1, 2, 3});
      default -> {
        byte[] whole = entry("seq", INT64, little(8).putLong(seq).array());
        yield ByteBuffer.allocate(whole.length - 5).put(whole, 0, whole.length - 5).array();
      }
    };
  }

  /** key kind · key length · key · value kind · value length · value, little-endian. */
  private static byte[] entry(String key, int kind, byte[] value) {
    byte[] name = key.getBytes(StandardCharsets.UTF_8);
    return little(1 + 4 + name.length + 1 + 4 + value.length).put((byte) STRING).putInt(name.length).put(name)
        .put((byte) kind).putInt(value.length).put(value).array();
  }

  private static ByteBuffer little(int capacity) {
    return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
  }
}
