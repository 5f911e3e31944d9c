package org.apache.iggy.connector.pinot.demo;

import java.math.BigInteger;
import java.util.Optional;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.connector.pinot.testserver.IggyTestServer;
import org.apache.iggy.connector.pinot.testserver.LoggedIn;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.topic.CompressionAlgorithm;

/**
 * The demo's Iggy: the embedded test server, or a real server given with {@code --iggy}. Creates the demo's stream
 * and topic and deletes the stream again on close, so a real server is left as it was found.
 */
final class DemoIggy implements AutoCloseable {
  private final IggyTestServer _testServer;
  private final String _host;
  private final int _port;
  private final IggyTcpClient _admin;
  private String _createdStream;

  private DemoIggy(IggyTestServer testServer, String host, int port, String username, String password) {
    _testServer = testServer;
    _host = host;
    _port = port;
    try {
      _admin = LoggedIn.blocking(IggyTcpClient.builder().host(host).port(port).credentials(username, password));
    } catch (RuntimeException e) {
      if (testServer != null) {
        testServer.close();
      }
      throw new IllegalStateException("cannot log in to Iggy at " + host + ":" + port + " as " + username + ": "
          + e.getMessage(), e);
    }
  }

  static DemoIggy start(DemoOptions options) {
    if (options.externalIggy()) {
      return new DemoIggy(null, options.iggyHost(), options.iggyPort(), options.username(), options.password());
    }
    IggyTestServer server = IggyTestServer.builder().port(0).root(options.username(), options.password()).start();
    return new DemoIggy(server, server.host(), server.port(), options.username(), options.password());
  }

  String host() {
    return _host;
  }

  int port() {
    return _port;
  }

  String describe() {
    return (_testServer != null ? "embedded Iggy 0.8 test server" : "Iggy server") + " at " + _host + ":" + _port;
  }

  IggyTcpClient admin() {
    return _admin;
  }

  /** Creates a new stream with one topic; an existing stream of that name is never touched. */
  void createTopic(String stream, String topic, int partitions) {
    if (_admin.streams().getStream(StreamId.of(stream)).isPresent()) {
      throw new IllegalStateException("stream '" + stream + "' already exists on Iggy at " + _host + ":" + _port
          + ": pass --stream with a new name");
    }
    _admin.streams().createStream(stream);
    _createdStream = stream;
    _admin.topics().createTopic(StreamId.of(stream), (long) partitions, CompressionAlgorithm.None, BigInteger.ZERO,
        BigInteger.ZERO, Optional.empty(), topic);
  }

  @Override
  public void close() {
    try {
      if (_createdStream != null && _testServer == null) {
        _admin.streams().deleteStream(StreamId.of(_createdStream));
      }
      _admin.close();
    } finally {
      if (_testServer != null) {
        _testServer.close();
      }
    }
  }
}
