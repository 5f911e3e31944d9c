package org.apache.iggy.connector.pinot.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.topic.CompressionAlgorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What survives a restart, as Iggy 0.8 saves messages (`messages_required_to_save`, its size twin, the message saver).
 * The server clock moves 1 µs per reading unless a test moves it, so the 30 s saver runs only when a test says so.
 */
class PersistenceTest {
  private static final StreamId STREAM = StreamId.of("s");
  private static final TopicId TOPIC = TopicId.of("t");
  private final AtomicLong _micros = new AtomicLong(TimeUnit.SECONDS.toMicros(1_800_000_000L));
  private IggyTestServer _server;
  private IggyTcpClient _client;

  private void start(IggyTestServer.Builder builder) {
    _server = builder.start();
    _server.clock(() -> _micros.incrementAndGet());
    connect();
    _client.streams().createStream("s");
    _client.topics().createTopic(STREAM, 2L, CompressionAlgorithm.None, BigInteger.ZERO, BigInteger.ZERO,
        Optional.empty(), "t");
  }

  private void connect() {
    _client = LoggedIn.blocking(IggyTcpClient.builder().host(_server.host()).port(_server.port())
        .credentials("iggy", "iggy"));
  }

  @AfterEach
  void stop() {
    _server.close();
  }

  private void sendBatches(int batches, int perBatch, String prefix) {
    for (int b = 0; b < batches; b++) {
      List<Message> messages = new ArrayList<>();
      for (int i = 0; i < perBatch; i++) {
        messages.add(Message.of(prefix.isEmpty() ? "abcdef" : prefix + (b * perBatch + i)));
      }
      _client.messages().sendMessages(STREAM, TOPIC, Partitioning.partitionId(0L), messages);
    }
  }

  private PolledMessages poll(long offset, long count) {
    return _client.messages().pollMessages(STREAM, TOPIC, Optional.of(0L), Consumer.of(0L),
        PollingStrategy.offset(BigInteger.valueOf(offset)), count, false);
  }

  private long currentOffset() {
    return poll(0, 1).currentOffset().longValue();
  }

  private void restartUnclean() {
    _server.restartUnclean();
    connect();
  }

  @Test
  void anUncleanRestartWithTheDefaultsLosesWhatWasSentSinceTheLastSaveAndReusesItsOffsets() {
    start(IggyTestServer.builder());
    sendBatches(25, 100, "old-");
    long read = 0;
    while (read < 2500) {
      read += poll(read, 1000).messages().size();
    }
    // Saved after the 11th and the 22nd batch (1,100 and 2,200 unsaved messages ≥ 1,024): 300 remain unsaved.
    assertThat(_server.unsavedMessages("s", "t", 0)).isEqualTo(300);

    restartUnclean();

    assertThat(currentOffset()).isEqualTo(2199);
    assertThat(new String(poll(2199, 1).messages().get(0).payload())).isEqualTo("old-2199");
    sendBatches(1, 100, "new-");
    PolledMessages reused = poll(2200, 100);
    assertThat(reused.messages()).hasSize(100);
    assertThat(reused.messages().get(0).header().offset()).isEqualTo(BigInteger.valueOf(2200));
    assertThat(new String(reused.messages().get(0).payload())).isEqualTo("new-0");
    assertThat(currentOffset()).isEqualTo(2299);
  }

  @Test
  void aGracefulRestartSavesEverything() {
    start(IggyTestServer.builder());
    sendBatches(3, 100, "m-");

    _server.restart();
    connect();
    restartUnclean();

    assertThat(currentOffset()).isEqualTo(299);
  }

  @Test
  void theMessageSaverRunsEveryIntervalOfTheServerClockAndSaveNowRunsItAtOnce() {
    start(IggyTestServer.builder());
    sendBatches(2, 100, "m-");
    assertThat(_server.unsavedMessages("s", "t", 0)).isEqualTo(200);
    _micros.addAndGet(TimeUnit.SECONDS.toMicros(29));
    assertThat(_server.unsavedMessages("s", "t", 0)).as("before the 30 s period").isEqualTo(200);
    _micros.addAndGet(TimeUnit.SECONDS.toMicros(1));
    assertThat(_server.unsavedMessages("s", "t", 0)).isZero();

    sendBatches(1, 50, "n-");
    _server.saveNow();
    sendBatches(1, 7, "o-");
    restartUnclean();

    assertThat(currentOffset()).isEqualTo(249);
  }

  @Test
  void aSaveThresholdOfOneLosesNothing() {
    start(IggyTestServer.builder().messagesRequiredToSave(1));
    sendBatches(5, 3, "m-");

    restartUnclean();

    assertThat(currentOffset()).isEqualTo(14);
  }

  @Test
  void theSizeThresholdSavesTooAndEveryPartitionCountsOnItsOwn() {
    // Each message: 64-byte header + 6-byte payload = 70 bytes; 1,000 bytes are reached by the 15th message.
    start(IggyTestServer.builder().sizeOfMessagesRequiredToSave(1000).messageSaverInterval(Duration.ZERO));
    sendBatches(3, 5, "");
    sendBatches(1, 4, "");
    _client.messages().sendMessages(STREAM, TOPIC, Partitioning.partitionId(1L), List.of(Message.of("other")));
    _micros.addAndGet(TimeUnit.DAYS.toMicros(1));

    assertThat(_server.unsavedMessages("s", "t", 0)).as("the saver is off").isEqualTo(4);
    restartUnclean();

    assertThat(currentOffset()).isEqualTo(14);
    assertThat(_client.messages().pollMessages(STREAM, TOPIC, Optional.of(1L), Consumer.of(0L),
        PollingStrategy.first(), 10L, false).messages()).isEmpty();
  }

  @Test
  void storedConsumerOffsetsSurviveAsWrittenEvenBeyondTheNewEnd() {
    start(IggyTestServer.builder());
    sendBatches(1, 100, "m-");
    _client.consumerOffsets().storeConsumerOffset(STREAM, TOPIC, Optional.of(0L), Consumer.of(ConsumerId.of("pinot")),
        BigInteger.valueOf(99));

    restartUnclean();

    assertThat(currentOffset()).isZero();
    assertThat(_server.storedOffset("s", "t", 0, "pinot")).isEqualTo(99L);
  }
}
