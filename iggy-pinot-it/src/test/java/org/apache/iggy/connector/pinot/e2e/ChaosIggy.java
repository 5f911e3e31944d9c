package org.apache.iggy.connector.pinot.e2e;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.connector.pinot.harness.EventsTable;
import org.apache.iggy.connector.pinot.it.RawIggyClient;
import org.apache.iggy.connector.pinot.testserver.IggyTestServer;
import org.apache.iggy.connector.pinot.testserver.LoggedIn;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.topic.CompressionAlgorithm;

/**
 * The chaos soak's side of the Iggy test server: producing sequence-numbered events into the ledger and reading back
 * what the server holds, over one SDK client that is replaced when a restart or a dropped connection broke it.
 */
final class ChaosIggy implements AutoCloseable {
  private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
  private static final int SEND_BATCH = 100;
  private static final int ATTEMPTS = 3;

  private final IggyTestServer _server;
  private final String _stream;
  private final String _topic;
  private final ProducedLedger _ledger;
  private IggyTcpClient _client;

  ChaosIggy(IggyTestServer server, String stream, String topic, ProducedLedger ledger) {
    _server = server;
    _stream = stream;
    _topic = topic;
    _ledger = ledger;
  }

  void createTopic(int partitions) {
    call(client -> {
      client.streams().createStream(_stream);
      client.topics().createTopic(StreamId.of(_stream), (long) partitions, CompressionAlgorithm.None,
          BigInteger.ZERO, BigInteger.ZERO, Optional.empty(), _topic);
      return null;
    });
  }

  /** {@code perPartition} events to each partition, in sends of 100. */
  void produce(int partitions, int perPartition) {
    for (int sent = 0; sent < perPartition; sent += SEND_BATCH) {
      for (int partition = 0; partition < partitions; partition++) {
        send(partition, Math.min(SEND_BATCH, perPartition - sent));
      }
    }
  }

  /** {@code count} events to one partition. */
  void produceTo(int partition, int count) {
    for (int sent = 0; sent < count; sent += SEND_BATCH) {
      send(partition, Math.min(SEND_BATCH, count - sent));
    }
  }

  /**
   * Sends one batch; when the connection broke, sends it again on a new client unless its last event is already the
   * partition's last message (the broken send was stored), so every event is stored once.
   */
  private void send(int partition, int count) {
    List<Message> events = new ArrayList<>();
    long lastSeq = -1;
    for (int i = 0; i < count; i++) {
      lastSeq = _ledger.next(partition);
      events.add(Message.of(EventsTable.event(lastSeq, System.currentTimeMillis())));
    }
    for (int attempt = 1; ; attempt++) {
      try {
        client().messages().sendMessages(StreamId.of(_stream), TopicId.of(_topic),
            Partitioning.partitionId((long) partition), events);
        return;
      } catch (RuntimeException e) {
        _client = null;
        if (attempt == ATTEMPTS) {
          throw e;
        }
        if (lastSeq(partition) == lastSeq) {
          return;
        }
      }
    }
  }

  /** The sequence number of the partition's last message, -1 when there is none. */
  private long lastSeq(int partition) {
    long next = nextOffset(partition);
    return next == 0 ? -1 : call(client -> {
      var messages = poll(client, partition, next - 1, 1).messages();
      if (messages.isEmpty()) {
        return -1L;
      }
      Matcher seq = SEQ.matcher(new String(messages.get(0).payload(), StandardCharsets.UTF_8));
      return seq.find() ? Long.parseLong(seq.group(1)) : -1L;
    });
  }

  /** One event per partition whose user headers hold an Int32 value of 3 bytes, which Iggy 0.8 stores unchecked. */
  void produceMalformedHeaders(int partitions) {
    byte[] key = "k".getBytes(StandardCharsets.UTF_8);
    byte[] headers = ByteBuffer.allocate(1 + 4 + key.length + 1 + 4 + 3).order(ByteOrder.LITTLE_ENDIAN)
        .put((byte) 2).putInt(key.length).put(key).put((byte) 6).putInt(3).put(new byte[3]).array();
    try (RawIggyClient raw = RawIggyClient.connect(_server.host(), _server.port(), "iggy", "iggy")) {
      for (int partition = 0; partition < partitions; partition++) {
        byte[] payload = EventsTable.event(_ledger.next(partition), System.currentTimeMillis())
            .getBytes(StandardCharsets.UTF_8);
        raw.send(_stream, _topic, partition, List.of(new RawIggyClient.RawMessage(payload, headers)));
      }
    }
  }

  /** The offset the next message of the partition will get. */
  long nextOffset(int partition) {
    return call(client -> {
      PolledMessages polled = poll(client, partition, 0, 1);
      return polled.messages().isEmpty() && polled.currentOffset().signum() == 0 ? 0L
          : polled.currentOffset().longValue() + 1;
    });
  }

  /** The offset and sequence number of every message the partition holds now. */
  List<long[]> held(int partition) {
    return call(client -> {
      List<long[]> held = new ArrayList<>();
      long offset = 0;
      while (true) {
        PolledMessages polled = poll(client, partition, offset, 1000);
        if (polled.messages().isEmpty()) {
          return held;
        }
        for (var message : polled.messages()) {
          Matcher seq = SEQ.matcher(new String(message.payload(), StandardCharsets.UTF_8));
          if (seq.find()) {
            held.add(new long[] {message.header().offset().longValue(), Long.parseLong(seq.group(1))});
          }
          offset = message.header().offset().longValue() + 1;
        }
      }
    });
  }

  private PolledMessages poll(IggyTcpClient client, int partition, long offset, int count) {
    return client.messages().pollMessages(StreamId.of(_stream), TopicId.of(_topic), Optional.of((long) partition),
        Consumer.of(0L), PollingStrategy.offset(BigInteger.valueOf(offset)), (long) count, false);
  }

  /** Runs a read-only call, on a new client when the connection broke (a restart, dropped connections). */
  private <T> T call(Function<IggyTcpClient, T> request) {
    RuntimeException failure = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        return request.apply(client());
      } catch (RuntimeException e) {
        failure = e;
        _client = null;
      }
    }
    throw failure;
  }

  /** Closing an SDK client takes seconds (Netty's quiet period), so a broken one is dropped unclosed. */
  private IggyTcpClient client() {
    if (_client == null) {
      _client = LoggedIn.blocking(IggyTcpClient.builder().host(_server.host()).port(_server.port())
          .credentials("iggy", "iggy"));
    }
    return _client;
  }

  @Override
  public void close() {
    if (_client != null) {
      _client.close();
    }
  }
}
