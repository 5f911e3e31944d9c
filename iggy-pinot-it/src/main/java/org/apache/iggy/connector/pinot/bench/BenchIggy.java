package org.apache.iggy.connector.pinot.bench;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.connector.pinot.testserver.IggyTestServer;
import org.apache.iggy.connector.pinot.testserver.LoggedIn;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.topic.CompressionAlgorithm;

/**
 * The benchmark's Iggy: the embedded test server, or a real server given with {@code --iggy}. It creates one stream
 * of its own, with a topic per partition layout filled once with {@link BenchEvents} (partition {@code p} of a topic
 * with {@code n} events per partition holds the events {@code p * n} to {@code (p + 1) * n - 1}), and deletes the
 * stream again on close, so a real server is left as it was found.
 */
final class BenchIggy implements AutoCloseable {
  private static final int SEND_BATCH = 1000;

  private final IggyTestServer _testServer;
  private final String _host;
  private final int _port;
  private final String _username;
  private final String _password;
  private final String _stream;
  private final IggyTcpClient _admin;
  private final Map<String, Integer> _topics = new HashMap<>();

  private BenchIggy(IggyTestServer testServer, String host, int port, String username, String password) {
    _testServer = testServer;
    _host = host;
    _port = port;
    _username = username;
    _password = password;
    _stream = "iggy-pinot-bench-" + Long.toString(System.currentTimeMillis(), 36);
    try {
      _admin = LoggedIn.blocking(IggyTcpClient.builder().host(host).port(port).credentials(username, password));
      _admin.streams().createStream(_stream);
    } catch (RuntimeException e) {
      if (testServer != null) {
        testServer.close();
      }
      throw new IllegalStateException("cannot create a stream on Iggy at " + host + ":" + port + " as " + username
          + ": " + e.getMessage(), e);
    }
  }

  static BenchIggy start(BenchOptions options) {
    if (options.externalIggy()) {
      return new BenchIggy(null, options.iggyHost(), options.iggyPort(), options.username(), options.password());
    }
    IggyTestServer server = IggyTestServer.builder().port(0).root(options.username(), options.password()).start();
    return new BenchIggy(server, server.host(), server.port(), options.username(), options.password());
  }

  String describe() {
    return (_testServer != null ? "embedded Iggy 0.8 test server" : "Iggy server") + " at " + _host + ":" + _port;
  }

  String host() {
    return _host;
  }

  int port() {
    return _port;
  }

  String username() {
    return _username;
  }

  String password() {
    return _password;
  }

  String stream() {
    return _stream;
  }

  /** The topic of {@code partitions} partitions with {@code perPartition} events each, created on first use. */
  synchronized String topic(int partitions, int perPartition) {
    String topic = "p" + partitions + "-n" + perPartition;
    if (!_topics.containsKey(topic)) {
      _admin.topics().createTopic(StreamId.of(_stream), (long) partitions, CompressionAlgorithm.None,
          BigInteger.ZERO, BigInteger.ZERO, Optional.empty(), topic);
      for (int partition = 0; partition < partitions; partition++) {
        produce(topic, partition, (long) partition * perPartition, perPartition);
      }
      _topics.put(topic, partitions);
    }
    return topic;
  }

  private void produce(String topic, int partition, long fromSeq, int count) {
    for (int sent = 0; sent < count; sent += SEND_BATCH) {
      List<Message> messages = new ArrayList<>(SEND_BATCH);
      for (long seq = fromSeq + sent; seq < fromSeq + Math.min(count, sent + SEND_BATCH); seq++) {
        messages.add(Message.of(BenchEvents.event(seq).json()));
      }
      _admin.messages().sendMessages(StreamId.of(_stream), TopicId.of(topic), Partitioning.partitionId(
          (long) partition), messages);
    }
  }

  /** The connector's stream config for {@code topic}, as the README's table config has it, with this batch size. */
  Map<String, String> streamConfig(String topic, int batchSize) {
    Map<String, String> config = new HashMap<>();
    config.put("streamType", "iggy");
    config.put("stream.iggy.consumer.factory.class.name",
        "org.apache.iggy.connector.pinot.consumer.IggyConsumerFactory");
    config.put("stream.iggy.decoder.class.name", "org.apache.iggy.connector.pinot.decoder.IggyJsonMessageDecoder");
    config.put("stream.iggy.host", _host);
    config.put("stream.iggy.port", Integer.toString(_port));
    config.put("stream.iggy.username", _username);
    config.put("stream.iggy.password", _password);
    config.put("stream.iggy.stream.id", _stream);
    config.put("stream.iggy.topic.name", topic);
    config.put("stream.iggy.poll.batch.size", Integer.toString(batchSize));
    config.put("stream.iggy.consumer.prop.auto.offset.reset", "smallest");
    return config;
  }

  @Override
  public void close() {
    try {
      _admin.streams().deleteStream(StreamId.of(_stream));
      _admin.close();
    } finally {
      if (_testServer != null) {
        _testServer.close();
      }
    }
  }
}
