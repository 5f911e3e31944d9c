package org.apache.iggy.connector.pinot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iggy.connector.pinot.testserver.IggyTestServer;
import org.apache.iggy.message.Message;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.MessageBatch;
import org.apache.pinot.spi.stream.OffsetCriteria;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.PartitionGroupConsumptionStatus;
import org.apache.pinot.spi.stream.PermanentConsumerException;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamMetadataProvider;
import org.apache.pinot.spi.stream.TransientConsumerException;
import org.apache.pinot.spi.utils.retry.FixedDelayRetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Pinot sees when Iggy is wrong, missing, slow or gone. */
class ErrorsIntegrationTest {
  private static final String TOPIC = "orders";
  private IggyTarget _iggy;
  private String _stream;

  @BeforeEach
  void start() {
    _iggy = IggyTarget.start();
    _stream = _iggy.createTopic(TOPIC, 2);
  }

  @AfterEach
  void stop() {
    _iggy.close();
  }

  private Map<String, String> config(Map<String, String> overrides) {
    Map<String, String> config = _iggy.streamConfig(_stream, TOPIC);
    config.putAll(overrides);
    return config;
  }

  private void send(int partition, int from, int count) {
    List<Message> messages = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      messages.add(Message.of(Integer.toString(i)));
    }
    _iggy.send(_stream, TOPIC, partition, messages);
  }

  @Test
  void aMissingStreamTopicOrPartitionIsPermanentAndNamed() throws Exception {
    PartitionGroupConsumer noStream = Connector.consumer(Connector.factory(config(Map.of("stream.iggy.stream.id",
        "no-such-stream"))), 0);
    assertThatThrownBy(() -> Connector.fetch(noStream, 0, 3000)).isInstanceOf(PermanentConsumerException.class)
        .hasMessageContaining("stream 'no-such-stream' not found");

    PartitionGroupConsumer noTopic = Connector.consumer(Connector.factory(config(Map.of("stream.iggy.topic.name",
        "no-such-topic"))), 0);
    assertThatThrownBy(() -> Connector.fetch(noTopic, 0, 3000)).isInstanceOf(PermanentConsumerException.class)
        .hasMessageContaining("topic 'no-such-topic' not found in stream '" + _stream + "'");

    PartitionGroupConsumer noPartition = Connector.consumer(Connector.factory(config(Map.of())), 9);
    assertThatThrownBy(() -> Connector.fetch(noPartition, 0, 3000)).isInstanceOf(PermanentConsumerException.class)
        .hasMessageContaining("partition 9 not found");

    try (StreamMetadataProvider provider = Connector.factory(config(Map.of("stream.iggy.topic.name",
        "no-such-topic"))).createStreamMetadataProvider("it")) {
      assertThatThrownBy(() -> provider.fetchPartitionCount(3000)).isInstanceOf(PermanentConsumerException.class)
          .hasMessageContaining("topic 'no-such-topic' not found");
    }
  }

  @Test
  void wrongPasswordIsPermanentAndNamesTheUser() {
    PartitionGroupConsumer consumer = Connector.consumer(Connector.factory(config(Map.of("stream.iggy.password",
        "not-the-password"))), 0);

    assertThatThrownBy(() -> Connector.fetch(consumer, 0, 3000)).isInstanceOf(PermanentConsumerException.class)
        .hasMessageContaining("authentication failed for user '" + _iggy.username() + "'")
        .hasMessageNotContaining("not-the-password");
  }

  @Test
  void aUserWithoutPermissionIsPermanentAndNamed() {
    IggyTestServer server = _iggy.testServer("creating a user without read permission");
    server.addUser("outsider", "outsider-pass", Set.of());
    PartitionGroupConsumer consumer = Connector.consumer(Connector.factory(config(Map.of("stream.iggy.username",
        "outsider", "stream.iggy.password", "outsider-pass"))), 0);

    assertThatThrownBy(() -> Connector.fetch(consumer, 0, 3000)).isInstanceOf(PermanentConsumerException.class)
        .hasMessageContaining("user 'outsider' has no permission");
  }

  @Test
  void aServerThatIsDownIsTransient() {
    IggyTestServer server = _iggy.testServer("refusing connections");
    server.refuseConnections();
    StreamConsumerFactory factory = Connector.factory(config(Map.of("stream.iggy.connection.timeout.millis",
        "1000")));

    assertThatThrownBy(() -> Connector.fetch(Connector.consumer(factory, 0), 0, 3000))
        .isInstanceOf(TransientConsumerException.class).hasMessageContaining(_iggy.host() + ":" + _iggy.port());
    assertThatThrownBy(() -> factory.createPartitionGroupConsumer("it", new PartitionGroupConsumptionStatus(0, 0,
        new LongMsgOffset(0), null, "IN_PROGRESS"), new FixedDelayRetryPolicy(2, 10)))
        .isInstanceOf(TransientConsumerException.class).hasMessageContaining("after retries");
    server.acceptConnections();
  }

  @Test
  void aStalledServerCannotHoldAFetchBeyondItsTimeout() {
    IggyTestServer server = _iggy.testServer("stalling answers");
    send(0, 0, 5);
    PartitionGroupConsumer consumer = Connector.consumer(Connector.factory(config(Map.of())), 0);
    assertThat(Connector.fetch(consumer, 0, 3000).getMessageCount()).isEqualTo(5);
    server.faults().stallForever();

    long started = System.nanoTime();
    assertThatThrownBy(() -> Connector.fetch(consumer, 0, 500)).isInstanceOf(TransientConsumerException.class)
        .hasMessageContaining("timed out");
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(elapsedMillis).isLessThan(500 + 200);
    server.faults().clear();
  }

  @Test
  void metadataCallsHonourTheirTimeout() throws Exception {
    IggyTestServer server = _iggy.testServer("stalling answers");
    try (StreamMetadataProvider provider = Connector.factory(config(Map.of())).createPartitionMetadataProvider("it",
        0)) {
      assertThat(provider.fetchPartitionCount(3000)).isEqualTo(2);
      server.faults().stall(Long.MAX_VALUE / 2);
      long started = System.nanoTime();
      assertThatThrownBy(() -> provider.fetchStreamPartitionOffset(OffsetCriteria.LARGEST_OFFSET_CRITERIA, 400))
          .isInstanceOf(TransientConsumerException.class);
      assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(400 + 200);
    }
    server.faults().clear();
  }

  /** Lets the next request reach the server unanswered, then breaks the connection it is waiting on. */
  private static void breakWhileInFlight(IggyTestServer server, Runnable breakConnections) {
    int swallowed = server.faults().swallowed();
    server.faults().stallForever();
    Thread breaker = new Thread(() -> {
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (server.faults().swallowed() == swallowed && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      server.faults().clear();
      breakConnections.run();
    }, "connection-breaker");
    breaker.setDaemon(true);
    breaker.start();
  }

  @Test
  void droppedConnectionsMidConsumptionLoseAndDuplicateNothing() throws Exception {
    // Without read-ahead the request a fault hits is always the one the next fetch waits for.
    assertThat(consumeThroughFaults("0")).as("one reset and one hung request").isEqualTo(2);
  }

  @Test
  void droppedConnectionsWhileReadingAheadLoseAndDuplicateNothing() throws Exception {
    assertThat(consumeThroughFaults("2")).as("a fault may hit a read-ahead poll nobody needs").isBetween(0, 2);
  }

  /**
   * Reads 1000 messages while one connection reset and one graceful close hit requests in flight, re-creating the
   * consumer after each failure as Pinot does; checks that every message arrives once and in order.
   *
   * @return the failures the consumer reported
   */
  private int consumeThroughFaults(String prefetchBatches) throws Exception {
    IggyTestServer server = _iggy.testServer("dropping connections");
    send(1, 0, 1000);
    StreamConsumerFactory factory = Connector.factory(config(Map.of("stream.iggy.poll.batch.size", "100",
        "stream.iggy.prefetch.batches", prefetchBatches)));
    PartitionGroupConsumer consumer = Connector.consumer(factory, 1);
    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    long offset = 0;
    int failures = 0;
    boolean reset = false;
    boolean hung = false;
    while (offset < 1000) {
      if (offset == 300 && !reset) {
        reset = true;
        breakWhileInFlight(server, server::dropConnections);
      }
      if (offset == 600 && !hung) {
        hung = true;
        breakWhileInFlight(server, server::closeConnectionsGracefully);
      }
      try {
        MessageBatch<byte[]> batch = Connector.fetch(consumer, offset, 1000);
        for (String payload : Connector.payloads(batch)) {
          assertThat(seen.add(payload)).as("duplicate " + payload).isTrue();
          order.add(payload);
        }
        offset = Connector.next(batch);
      } catch (TransientConsumerException e) {
        failures++;
        consumer.close();
        consumer = factory.createPartitionGroupConsumer("it", new PartitionGroupConsumptionStatus(1, 1,
            new LongMsgOffset(offset), null, "IN_PROGRESS"), new FixedDelayRetryPolicy(5, 50));
      }
    }
    consumer.close();

    assertThat(order).hasSize(1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(order.get(i)).isEqualTo(Integer.toString(i));
    }
    return failures;
  }
}
