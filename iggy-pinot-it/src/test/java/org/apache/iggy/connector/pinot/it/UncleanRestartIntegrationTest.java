package org.apache.iggy.connector.pinot.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iggy.connector.pinot.testserver.IggyTestServer;
import org.apache.iggy.message.Message;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.MessageBatch;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.PartitionGroupConsumptionStatus;
import org.apache.pinot.spi.stream.StreamConfig;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamConsumerFactoryProvider;
import org.apache.pinot.spi.stream.TransientConsumerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector across an Iggy crash that loses the unsaved tail, measured on a real iggy-server 0.8.0 with the default
 * settings: 2,500 messages in 25 batches of 100, consumed to 2500, SIGKILL and restart: offsets 0..2199 survive and
 * the next 100 messages take offsets 2200..2299. Needs the test server's {@code restartUnclean()} (a real server would
 * have to be killed), so it is skipped against a real server.
 */
class UncleanRestartIntegrationTest {
  private static final String TOPIC = "events";
  private static final int FETCH_MILLIS = 2000;
  private IggyTarget _iggy;
  private IggyTestServer _server;
  private String _stream;

  @BeforeEach
  void start() {
    _iggy = IggyTarget.start();
    _server = _iggy.testServer("an unclean restart");
    // A clock that moves 1 µs per reading: timestamps grow as on a real server, and the 30 s saver never runs.
    AtomicLong micros = new AtomicLong(TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis()));
    _server.clock(micros::incrementAndGet);
    _stream = _iggy.createTopic(TOPIC, 1);
  }

  @AfterEach
  void stop() {
    _iggy.close();
  }

  private void send(String prefix, int batches) {
    for (int b = 0; b < batches; b++) {
      List<Message> messages = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        messages.add(Message.of(prefix + (b * 100 + i)));
      }
      _iggy.send(_stream, TOPIC, 0, messages);
    }
  }

  /** Fetches from {@code offset} until a batch brings messages; transient errors (the restart) are retried. */
  private static MessageBatch<byte[]> fetchUntilMessages(PartitionGroupConsumer consumer, long offset) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      assertThat(System.nanoTime()).as("messages from offset %d before the deadline", offset).isLessThan(deadline);
      try {
        MessageBatch<byte[]> batch = consumer.fetchMessages(new LongMsgOffset(offset), FETCH_MILLIS);
        if (batch.getMessageCount() > 0) {
          return batch;
        }
      } catch (TransientConsumerException e) {
        // the connection the restart closed; Pinot retries the same way
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** What Pinot ingests when it reads from {@code from} up to {@code to}: every delivered (offset, payload). */
  private static List<String> consume(PartitionGroupConsumer consumer, long from, long to) {
    List<String> delivered = new ArrayList<>();
    long next = from;
    while (next < to) {
      MessageBatch<byte[]> batch = fetchUntilMessages(consumer, next);
      List<String> payloads = Connector.payloads(batch);
      for (int i = 0; i < payloads.size(); i++) {
        delivered.add(Connector.offset(batch, i) + "=" + payloads.get(i));
      }
      next = Connector.next(batch);
    }
    assertThat(next).isEqualTo(to);
    return delivered;
  }

  @Test
  void theNewMessagesThatTookTheLostOffsetsAreIngestedOnceAndNothingPinotHoldsAgain() throws Exception {
    send("old-", 25);
    StreamConsumerFactory factory = Connector.factory(_iggy.streamConfig(_stream, TOPIC));
    PartitionGroupConsumer consumer = Connector.consumer(factory, 0);
    assertThat(consume(consumer, 0, 2500)).hasSize(2500);
    assertThat(_server.unsavedMessages(_stream, TOPIC, 0)).isEqualTo(300);

    try (CapturedLogs logs = new CapturedLogs()) {
      _server.restartUnclean();
      send("new-", 1);
      MessageBatch<byte[]> batch = fetchUntilMessages(consumer, 2500);

      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        expected.add((2200 + i) + "=new-" + i);
      }
      List<String> delivered = new ArrayList<>();
      for (int i = 0; i < batch.getMessageCount(); i++) {
        delivered.add(Connector.offset(batch, i) + "=" + Connector.payloads(batch).get(i));
      }
      assertThat(delivered).isEqualTo(expected);
      assertThat(Connector.next(batch)).isEqualTo(2300);
      // Iggy lost old 2200..2499, but Pinot holds them all: nothing it never ingested was skipped.
      assertThat(batch.hasDataLoss()).isFalse();
      assertThat(Connector.fetch(consumer, 2300, 500).getMessageCount()).as("nothing delivered twice").isZero();
      assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("went back")
          .contains("offset 2499").contains("Resuming at offset 2200"));
    }
    consumer.close();
  }

  @Test
  void afterAPinotServerRestartTooTheConsumerWaitsForItsOffsetAndReportsDataLoss() throws Exception {
    send("old-", 25);
    PartitionGroupConsumer before = Connector.consumer(Connector.factory(_iggy.streamConfig(_stream, TOPIC)), 0);
    assertThat(consume(before, 0, 2500)).hasSize(2500);
    before.close();

    _server.restartUnclean();
    // Another table of the topic: nothing this JVM delivered is known for it, as after a Pinot server restart.
    StreamConsumerFactory restarted = StreamConsumerFactoryProvider.create(new StreamConfig("restarted_REALTIME",
        _iggy.streamConfig(_stream, TOPIC)));
    PartitionGroupConsumer consumer = restarted.createPartitionGroupConsumer("it", new PartitionGroupConsumptionStatus(
        0, 0, new LongMsgOffset(2500), null, "IN_PROGRESS"));
    send("new-", 1);
    assertThat(Connector.fetch(consumer, 2500, 500).getMessageCount()).as("2200..2299 cannot be told from what Pinot "
        + "holds").isZero();
    send("later-", 3);

    MessageBatch<byte[]> batch = fetchUntilMessages(consumer, 2500);

    assertThat(Connector.offset(batch, 0)).isEqualTo(2500);
    assertThat(Connector.payloads(batch).get(0)).isEqualTo("later-200");
    assertThat(batch.hasDataLoss()).isTrue();
    consumer.close();
  }
}
