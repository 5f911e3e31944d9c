package org.apache.iggy.connector.pinot.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClient;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.topic.CompressionAlgorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults aimed at one partition's polls and connections, seen through the real async SDK and a raw socket. */
class PartitionFaultsTest {
  private static final StreamId STREAM = StreamId.of("s");
  private static final TopicId TOPIC = TopicId.of("t");
  private IggyTestServer _server;

  @BeforeEach
  void start() {
    _server = IggyTestServer.start();
    IggyTcpClient producer = LoggedIn.blocking(IggyTcpClient.builder().host(_server.host()).port(_server.port())
        .credentials("iggy", "iggy"));
    producer.streams().createStream("s");
    producer.topics().createTopic(STREAM, 2L, CompressionAlgorithm.None, BigInteger.ZERO, BigInteger.ZERO,
        Optional.empty(), "t");
    for (long partition = 0; partition < 2; partition++) {
      producer.messages().sendMessages(STREAM, TOPIC, Partitioning.partitionId(partition), List.of(Message.of("a")));
    }
    producer.close();
  }

  @AfterEach
  void stop() {
    _server.close();
  }

  /** A client with one connection, so each client is one server connection. */
  private AsyncIggyTcpClient client() throws Exception {
    return LoggedIn.async(AsyncIggyTcpClient.builder().host(_server.host()).port(_server.port())
        .credentials("iggy", "iggy").connectionPoolSize(1));
  }

  private static CompletableFuture<PolledMessages> poll(AsyncIggyTcpClient client, long partition) {
    return client.messages().pollMessages(STREAM, TOPIC, Optional.of(partition), Consumer.of(0L),
        PollingStrategy.first(), 10L, false);
  }

  @Test
  void aStalledPartitionHoldsOnlyItsOwnPollsAndAnswersKeepTheirOrderOnAConnection() throws Exception {
    _server.faults().stallPolls("s", "t", 1, 300);
    try (Socket socket = rawLoggedIn()) {
      long started = System.nanoTime();
      socket.getOutputStream().write(concat(frame(100, pollPayload(1)), frame(100, pollPayload(0))));
      DataInputStream in = new DataInputStream(socket.getInputStream());

      assertThat(readPolledPartition(in)).as("the stalled answer comes first").isEqualTo(1);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(300);
      assertThat(readPolledPartition(in)).isZero();
    }
    AsyncIggyTcpClient other = client();
    long started = System.nanoTime();
    assertThat(poll(other, 0).get(5, TimeUnit.SECONDS).messages()).hasSize(1);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(300);
    assertThat(_server.pollsAnswered("s", "t", 1)).isEqualTo(1);
    assertThat(_server.pollsAnswered("s", "t", 0)).isEqualTo(2);
    other.close();
  }

  @Test
  void aPartitionStalledForeverSwallowsItsPollsAndWhatFollowsOnTheirConnectionOnly() throws Exception {
    AsyncIggyTcpClient stalled = client();
    AsyncIggyTcpClient healthy = client();
    _server.faults().stallPollsForever("s", "t", 1);

    CompletableFuture<PolledMessages> hanging = poll(stalled, 1);
    assertThat(poll(healthy, 0).get(5, TimeUnit.SECONDS).messages()).hasSize(1);
    assertThatThrownBy(() -> hanging.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
    assertThat(_server.faults().swallowed()).isEqualTo(1);
    try (Socket socket = rawLoggedIn()) {
      socket.getOutputStream().write(concat(frame(100, pollPayload(1)), frame(100, pollPayload(0))));
      socket.setSoTimeout(300);
      assertThatThrownBy(() -> socket.getInputStream().read()).as("the poll of partition 0 behind it too")
          .isInstanceOf(java.net.SocketTimeoutException.class);
      assertThat(_server.faults().swallowed()).isEqualTo(3);
    }

    _server.faults().stallPolls("s", "t", 1, 0);
    AsyncIggyTcpClient fresh = client();
    assertThat(poll(fresh, 1).get(5, TimeUnit.SECONDS).messages()).as("lifted for new requests").hasSize(1);
    assertThat(_server.pollsAnswered("s", "t", 1)).isEqualTo(1);
    stalled.close();
    healthy.close();
    fresh.close();
  }

  @Test
  void droppingAPartitionsConnectionsResetsOnlyThoseThatPolledIt() throws Exception {
    AsyncIggyTcpClient reader1 = client();
    AsyncIggyTcpClient reader0 = client();
    poll(reader1, 1).get(5, TimeUnit.SECONDS);
    poll(reader0, 0).get(5, TimeUnit.SECONDS);
    assertThat(_server.partitionConnectionCount("s", "t", 1)).isEqualTo(1);
    assertThat(_server.partitionConnectionCount("s", "t", 0)).isEqualTo(1);
    _server.faults().stallPollsForever("s", "t", 1);
    CompletableFuture<PolledMessages> inFlight = poll(reader1, 1);
    awaitSwallowed(1);

    _server.dropPartitionConnections("s", "t", 1);

    assertThatThrownBy(() -> inFlight.get(5, TimeUnit.SECONDS)).hasStackTraceContaining("Connection reset");
    assertThat(poll(reader0, 0).get(5, TimeUnit.SECONDS).messages()).hasSize(1);
    awaitPartitionConnections(1, 0);
    assertThat(_server.partitionConnectionCount("s", "t", 0)).isEqualTo(1);
    reader1.close();
    reader0.close();
  }

  private void awaitSwallowed(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (_server.faults().swallowed() < count) {
      assertThat(System.nanoTime()).as("the poll reached the server").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  private void awaitPartitionConnections(int partition, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (_server.partitionConnectionCount("s", "t", partition) != count) {
      assertThat(System.nanoTime()).as("connections of partition %d closed", partition).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  private Socket rawLoggedIn() throws IOException {
    Socket socket = new Socket(_server.host(), _server.port());
    byte[] user = "iggy".getBytes(StandardCharsets.UTF_8);
    socket.getOutputStream().write(frame(38, little(18).put((byte) 4).put(user).put((byte) 4).put(user).putInt(0)
        .putInt(0).array()));
    DataInputStream in = new DataInputStream(socket.getInputStream());
    byte[] header = new byte[8];
    in.readFully(header);
    ByteBuffer answer = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(answer.getInt()).as("login status").isZero();
    in.readFully(new byte[answer.getInt()]);
    return socket;
  }

  /** consumer 0 · stream "s" · topic "t" · partition · First · count 10 · no auto-commit. */
  private static byte[] pollPayload(int partition) {
    return little(1 + 6 + 3 + 3 + 5 + 9 + 4 + 1).put((byte) 1).put((byte) 1).put((byte) 4).putInt(0)
        .put((byte) 2).put((byte) 1).put((byte) 's').put((byte) 2).put((byte) 1).put((byte) 't')
        .put((byte) 1).putInt(partition).put((byte) 3).putLong(0).putInt(10).put((byte) 0).array();
  }

  /** Reads one poll answer and returns the partition id it names. */
  private static int readPolledPartition(DataInputStream in) throws IOException {
    byte[] header = new byte[8];
    in.readFully(header);
    ByteBuffer answer = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(answer.getInt()).as("poll status").isZero();
    byte[] body = new byte[answer.getInt()];
    in.readFully(body);
    return ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  private static byte[] frame(int code, byte[] payload) {
    return little(8 + payload.length).putInt(4 + payload.length).putInt(code).put(payload).array();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    return ByteBuffer.allocate(first.length + second.length).put(first).put(second).array();
  }

  private static ByteBuffer little(int capacity) {
    return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
  }
}
