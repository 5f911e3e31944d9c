package org.apache.iggy.connector.pinot.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.consumeroffset.ConsumerOffsetInfo;
import org.apache.iggy.exception.IggyServerException;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.topic.CompressionAlgorithm;
import org.apache.iggy.topic.TopicDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Iggy 0.8 semantics the connector relies on, pinned through the real SDK. */
class ServerSemanticsTest {
  private static final StreamId STREAM = StreamId.of("s");
  private static final TopicId TOPIC = TopicId.of("t");
  private IggyTestServer _server;
  private IggyTcpClient _client;

  @BeforeEach
  void start() {
    _server = IggyTestServer.start();
    _client = client("iggy", "iggy");
    _client.streams().createStream("s");
    _client.topics().createTopic(STREAM, 3L, CompressionAlgorithm.None, BigInteger.ZERO, BigInteger.ZERO,
        Optional.empty(), "t");
  }

  @AfterEach
  void stop() {
    _server.close();
  }

  private IggyTcpClient client(String user, String password) {
    return LoggedIn.blocking(IggyTcpClient.builder().host(_server.host()).port(_server.port()).credentials(user,
        password));
  }

  private void send(long partition, String... payloads) {
    List<Message> messages = new ArrayList<>();
    for (String payload : payloads) {
      messages.add(Message.of(payload));
    }
    _client.messages().sendMessages(STREAM, TOPIC, Partitioning.partitionId(partition), messages);
  }

  private PolledMessages poll(long partition, PollingStrategy strategy, long count) {
    return _client.messages().pollMessages(STREAM, TOPIC, Optional.of(partition), Consumer.of(0L), strategy, count,
        false);
  }

  private static List<Long> offsets(PolledMessages polled) {
    List<Long> offsets = new ArrayList<>();
    polled.messages().forEach(m -> offsets.add(m.header().offset().longValue()));
    return offsets;
  }

  private static int code(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof IggyServerException) {
        return ((IggyServerException) t).getRawErrorCode();
      }
    }
    throw new AssertionError("not a server error", error);
  }

  @Test
  void idsAre0BasedAndTheLowestFreeSlotIsReused() {
    assertThat(_client.streams().createStream("second").id()).isEqualTo(1);
    _client.streams().deleteStream(StreamId.of(0L));
    assertThat(_client.streams().createStream("third").id()).isEqualTo(0);
    TopicDetails topic = _client.topics().createTopic(StreamId.of("second"), 2L, CompressionAlgorithm.None,
        BigInteger.ZERO, BigInteger.ZERO, Optional.empty(), "x");
    assertThat(topic.id()).isZero();
    assertThat(topic.partitions()).extracting(p -> p.id()).containsExactly(0L, 1L);
  }

  @Test
  void missingEntitiesAreEmptyOnGetAndErrorsOnTheDataPath() {
    assertThat(_client.streams().getStream(StreamId.of("nope"))).isEmpty();
    assertThat(_client.topics().getTopic(STREAM, TopicId.of("nope"))).isEmpty();
    assertThatThrownBy(() -> _client.messages().pollMessages(StreamId.of("nope"), TOPIC, Optional.of(0L),
        Consumer.of(0L), PollingStrategy.first(), 1L, false)).satisfies(e -> assertThat(code(e)).isEqualTo(1009));
    assertThatThrownBy(() -> _client.messages().pollMessages(STREAM, TopicId.of("nope"), Optional.of(0L),
        Consumer.of(0L), PollingStrategy.first(), 1L, false)).satisfies(e -> assertThat(code(e)).isEqualTo(2010));
    assertThatThrownBy(() -> poll(7, PollingStrategy.first(), 1)).satisfies(e -> assertThat(code(e))
        .isEqualTo(3007));
    assertThatThrownBy(() -> _client.streams().createStream("s")).satisfies(e -> assertThat(code(e))
        .isEqualTo(1012));
  }

  @Test
  void offsetsAreConsecutivePerPartitionAndTheCurrentOffsetOfAnEmptyPartitionIs0() {
    assertThat(poll(0, PollingStrategy.offset(BigInteger.ZERO), 10).currentOffset()).isEqualTo(BigInteger.ZERO);
    send(0, "a", "b");
    send(0, "c");
    send(1, "x");

    PolledMessages polled = poll(0, PollingStrategy.offset(BigInteger.ZERO), 10);
    assertThat(offsets(polled)).containsExactly(0L, 1L, 2L);
    assertThat(polled.currentOffset()).isEqualTo(BigInteger.TWO);
    assertThat(offsets(poll(1, PollingStrategy.offset(BigInteger.ZERO), 10))).containsExactly(0L);
    TopicDetails topic = _client.topics().getTopic(STREAM, TOPIC).orElseThrow();
    assertThat(topic.partitions().get(0).currentOffset()).isEqualTo(BigInteger.TWO);
    assertThat(topic.partitions().get(2).currentOffset()).isEqualTo(BigInteger.ZERO);
    assertThat(topic.partitions().get(2).messagesCount()).isEqualTo(BigInteger.ZERO);
  }

  @Test
  void everyPollingStrategy() {
    long start = TimeUnit.HOURS.toMicros(1) + TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
    AtomicLong clock = new AtomicLong(start);
    _server.clock(clock::get);
    send(0, "a", "b", "c");
    clock.addAndGet(5_000_000);
    send(0, "d", "e");

    assertThat(offsets(poll(0, PollingStrategy.offset(BigInteger.ONE), 2))).containsExactly(1L, 2L);
    assertThat(offsets(poll(0, PollingStrategy.offset(BigInteger.valueOf(5)), 10))).as("past end").isEmpty();
    assertThat(offsets(poll(0, PollingStrategy.first(), 2))).containsExactly(0L, 1L);
    assertThat(offsets(poll(0, PollingStrategy.last(), 2))).containsExactly(3L, 4L);
    assertThat(offsets(poll(0, PollingStrategy.timestamp(BigInteger.valueOf(start + 2_000_000)), 10)))
        .containsExactly(3L, 4L);
    assertThat(offsets(poll(0, PollingStrategy.timestamp(BigInteger.valueOf(start)), 1))).containsExactly(0L);
    assertThat(offsets(poll(0, PollingStrategy.timestamp(BigInteger.valueOf(start + 9_000_000)), 10))).isEmpty();
    assertThat(offsets(poll(0, PollingStrategy.offset(BigInteger.ZERO), 0))).isEmpty();
  }

  @Test
  void nextAndAutoCommitUseTheStoredOffset() {
    send(0, "a", "b", "c", "d");
    Consumer consumer = Consumer.of(ConsumerId.of("reader"));

    PolledMessages first = _client.messages().pollMessages(STREAM, TOPIC, Optional.of(0L), consumer,
        PollingStrategy.next(), 2L, true);
    PolledMessages second = _client.messages().pollMessages(STREAM, TOPIC, Optional.of(0L), consumer,
        PollingStrategy.next(), 2L, true);

    assertThat(offsets(first)).containsExactly(0L, 1L);
    assertThat(offsets(second)).containsExactly(2L, 3L);
    ConsumerOffsetInfo stored = _client.consumerOffsets().getConsumerOffset(STREAM, TOPIC, Optional.of(0L),
        consumer).orElseThrow();
    assertThat(stored.storedOffset()).isEqualTo(BigInteger.valueOf(3));
    assertThat(_server.storedOffset("s", "t", 0, "reader")).isEqualTo(3);
  }

  @Test
  void storedOffsetsMustExist() {
    Consumer consumer = Consumer.of(ConsumerId.of("pinot"));
    assertThatThrownBy(() -> _client.consumerOffsets().storeConsumerOffset(STREAM, TOPIC, Optional.of(0L), consumer,
        BigInteger.ZERO)).as("empty partition").satisfies(e -> assertThat(code(e)).isEqualTo(4100));
    send(0, "a", "b");
    assertThatThrownBy(() -> _client.consumerOffsets().storeConsumerOffset(STREAM, TOPIC, Optional.of(0L), consumer,
        BigInteger.TWO)).satisfies(e -> assertThat(code(e)).isEqualTo(4100));

    _client.consumerOffsets().storeConsumerOffset(STREAM, TOPIC, Optional.of(0L), consumer, BigInteger.ONE);

    assertThat(_client.consumerOffsets().getConsumerOffset(STREAM, TOPIC, Optional.of(0L), consumer).orElseThrow()
        .storedOffset()).isEqualTo(BigInteger.ONE);
    assertThat(_client.consumerOffsets().getConsumerOffset(STREAM, TOPIC, Optional.of(1L), consumer)).isEmpty();
  }

  @Test
  void messagesCarryServerTimestampsInMicrosIdsChecksumsAndHeaders() {
    long before = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
    Map<HeaderKey, HeaderValue> headers = Map.of(HeaderKey.fromString("source"), HeaderValue.fromString("web"),
        HeaderKey.fromString("n"), HeaderValue.fromInt64(7));
    _client.messages().sendMessages(STREAM, TOPIC, Partitioning.partitionId(2L), List.of(Message.of("one", headers),
        Message.of("two")));
    long after = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());

    List<Message> messages = poll(2, PollingStrategy.first(), 10).messages();

    Message one = messages.get(0);
    assertThat(one.header().timestamp().longValue()).isBetween(before, after);
    assertThat(messages.get(1).header().timestamp()).as("one timestamp per batch").isEqualTo(one.header()
        .timestamp());
    assertThat(one.header().id().toBigInteger()).isNotEqualTo(BigInteger.ZERO);
    assertThat(one.userHeaders()).isEqualTo(headers);
    assertThat(messages.get(1).header().checksum().longValue()).isEqualTo(recomputedChecksum(messages.get(1)));
  }

  /** XXH3-64 over everything after the checksum field, rebuilt from what the SDK decoded. */
  private static long recomputedChecksum(Message message) {
    byte[] headers = org.apache.iggy.serde.BytesSerializer.toBytes(message.userHeaders()).array();
    byte[] payload = message.payload();
    ByteBuffer bytes = ByteBuffer.allocate(56 + payload.length + headers.length).order(ByteOrder.LITTLE_ENDIAN);
    byte[] id = message.header().id().toBytes().array();
    for (int i = 15; i >= 0; i--) {
      bytes.put(id[i]);
    }
    bytes.putLong(message.header().offset().longValue()).putLong(message.header().timestamp().longValue())
        .putLong(message.header().originTimestamp().longValue()).putInt(headers.length).putInt(payload.length)
        .putLong(0).put(payload).put(headers);
    return Hashes.xxh3(bytes.array(), 0, bytes.capacity());
  }

  @Test
  void partitioningKinds() {
    for (int i = 0; i < 6; i++) {
      _client.messages().sendMessages(STREAM, TOPIC, Partitioning.balanced(), List.of(Message.of("m" + i)));
    }
    assertThat(poll(0, PollingStrategy.first(), 10).messages()).hasSize(2);
    assertThat(poll(1, PollingStrategy.first(), 10).messages()).hasSize(2);
    assertThat(poll(2, PollingStrategy.first(), 10).messages()).hasSize(2);

    _client.messages().sendMessages(STREAM, TOPIC, Partitioning.messagesKey("user-42"), List.of(Message.of("k")));
    long expected = Integer.toUnsignedLong(Hashes.xxh32("user-42")) % 3;
    assertThat(poll(expected, PollingStrategy.first(), 10).messages()).hasSize(3);
  }

  @Test
  void retentionMovesTheFirstRetainedOffsetAndPollsBelowItStartThere() {
    send(0, "a", "b", "c", "d", "e");

    assertThat(_server.deleteBelow("s", "t", 0, 3)).isEqualTo(3);

    assertThat(offsets(poll(0, PollingStrategy.offset(BigInteger.ZERO), 10))).containsExactly(3L, 4L);
    assertThat(offsets(poll(0, PollingStrategy.first(), 1))).containsExactly(3L);
    TopicDetails topic = _client.topics().getTopic(STREAM, TOPIC).orElseThrow();
    assertThat(topic.partitions().get(0).currentOffset()).isEqualTo(BigInteger.valueOf(4));
    assertThat(topic.partitions().get(0).messagesCount()).isEqualTo(BigInteger.TWO);
  }

  @Test
  void retentionStopsAtAStoredConsumerOffset() {
    send(0, "a", "b", "c", "d", "e");
    _client.consumerOffsets().storeConsumerOffset(STREAM, TOPIC, Optional.of(0L), Consumer.of(ConsumerId.of("p")),
        BigInteger.ONE);

    assertThat(_server.deleteBelow("s", "t", 0, 4)).isEqualTo(2);
  }

  @Test
  void expiryByTimeAndPurge() {
    long start = TimeUnit.HOURS.toMicros(1) + TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
    AtomicLong clock = new AtomicLong(start);
    _server.clock(clock::get);
    send(1, "old");
    clock.addAndGet(60_000_000);
    send(1, "new");

    _server.expireOlderThan("s", "t", start + 30_000_000);
    assertThat(offsets(poll(1, PollingStrategy.first(), 10))).containsExactly(1L);

    _server.purgeTopic("s", "t");
    assertThat(poll(1, PollingStrategy.first(), 10).messages()).isEmpty();
    send(1, "again");
    assertThat(offsets(poll(1, PollingStrategy.first(), 10))).containsExactly(0L);
  }

  @Test
  void partitionsAreAddedAndRemovedAtTheTop() {
    _client.partitions().createPartitions(STREAM, TOPIC, 2L);
    assertThat(_client.topics().getTopic(STREAM, TOPIC).orElseThrow().partitions()).extracting(p -> p.id())
        .containsExactly(0L, 1L, 2L, 3L, 4L);

    _client.partitions().deletePartitions(STREAM, TOPIC, 4L);
    assertThat(_client.topics().getTopic(STREAM, TOPIC).orElseThrow().partitionsCount()).isEqualTo(1L);
  }

  @Test
  void credentialsAndPermissions() {
    assertThatThrownBy(() -> client("iggy", "wrong")).satisfies(e -> assertThat(code(e)).isEqualTo(42));
    assertThatThrownBy(() -> client("nobody", "whatever")).satisfies(e -> assertThat(code(e)).isEqualTo(42));
    assertThatThrownBy(() -> client("ab", "whatever")).satisfies(e -> assertThat(code(e)).isEqualTo(43));
    _server.addInactiveUser("sleeper", "secret");
    assertThatThrownBy(() -> client("sleeper", "secret")).satisfies(e -> assertThat(code(e)).isEqualTo(47));

    _server.addUser("reader", "secret", Set.of());
    IggyTcpClient reader = client("reader", "secret");
    assertThatThrownBy(() -> reader.messages().pollMessages(STREAM, TOPIC, Optional.of(0L), Consumer.of(0L),
        PollingStrategy.first(), 1L, false)).satisfies(e -> assertThat(code(e)).isEqualTo(41));
    assertThat(reader.streams().getStream(StreamId.of("missing"))).as("lookup before permission").isEmpty();
  }

  @Test
  void personalAccessTokens() {
    String token = _server.createToken("iggy", "pinot", 0);
    IggyTcpClient byToken = IggyTcpClient.builder().host(_server.host()).port(_server.port()).build();
    byToken.connect();
    byToken.personalAccessTokens().loginWithPersonalAccessToken(token);
    LoggedIn.awaitReady(byToken);
    assertThat(byToken.streams().getStreams()).hasSize(1);

    IggyTcpClient unknown = IggyTcpClient.builder().host(_server.host()).port(_server.port()).build();
    unknown.connect();
    assertThatThrownBy(() -> unknown.personalAccessTokens().loginWithPersonalAccessToken("no-such-token"))
        .satisfies(e -> assertThat(code(e)).isEqualTo(20));
    String expired = _server.createToken("iggy", "old", 1);
    assertThatThrownBy(() -> unknown.personalAccessTokens().loginWithPersonalAccessToken(expired))
        .satisfies(e -> assertThat(code(e)).isEqualTo(54));
  }

  @Test
  void consumerGroupsBelongToTheConnection() {
    // Membership is per connection and the SDK pools connections: one connection, or a poll may go over another.
    _client.close();
    _client = LoggedIn.blocking(IggyTcpClient.builder().host(_server.host()).port(_server.port())
        .credentials("iggy", "iggy").connectionPoolSize(1));
    _client.consumerGroups().createConsumerGroup(STREAM, TOPIC, "g");
    send(0, "a");
    send(1, "b");
    send(2, "c");
    Consumer group = Consumer.group(ConsumerId.of("g"));
    assertThatThrownBy(() -> _client.messages().pollMessages(STREAM, TOPIC, Optional.empty(), group,
        PollingStrategy.next(), 10L, true)).satisfies(e -> assertThat(code(e)).isEqualTo(5006));

    _client.consumerGroups().joinConsumerGroup(STREAM, TOPIC, ConsumerId.of("g"));
    _client.consumerGroups().joinConsumerGroup(STREAM, TOPIC, ConsumerId.of("g"));
    List<Long> read = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      PolledMessages polled = _client.messages().pollMessages(STREAM, TOPIC, Optional.empty(), group,
          PollingStrategy.next(), 10L, true);
      read.add(polled.partitionId());
    }
    assertThat(read).containsExactlyInAnyOrder(0L, 1L, 2L);
    assertThat(_client.consumerGroups().getConsumerGroup(STREAM, TOPIC, ConsumerId.of("g")).orElseThrow()
        .membersCount()).isEqualTo(1L);

    _client.consumerGroups().leaveConsumerGroup(STREAM, TOPIC, ConsumerId.of("g"));
    assertThatThrownBy(() -> _client.consumerGroups().leaveConsumerGroup(STREAM, TOPIC, ConsumerId.of("g")))
        .satisfies(e -> assertThat(code(e)).isEqualTo(5006));
  }

  @Test
  void meAndStats() {
    assertThat(_client.system().getStats().streamsCount()).isEqualTo(1L);
    assertThat(_client.system().getMe().clientId()).isPositive();
  }
}
