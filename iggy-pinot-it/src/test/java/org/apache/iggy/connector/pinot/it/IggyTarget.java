package org.apache.iggy.connector.pinot.it;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.connector.pinot.testserver.IggyTestServer;
import org.apache.iggy.connector.pinot.testserver.LoggedIn;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.topic.CompressionAlgorithm;
import org.junit.jupiter.api.Assumptions;

/**
 * The Iggy server integration tests run against: the in-process test server, or a real {@code iggy-server} 0.8 when
 * {@code IGGY_TCP_ADDRESS} (host:port) is set, with {@code IGGY_USERNAME}/{@code IGGY_PASSWORD} (default iggy/iggy).
 * Every test works in its own uniquely named stream, so a shared real server needs no cleaning.
 */
public final class IggyTarget implements AutoCloseable {
  private final IggyTestServer _server;
  private final String _host;
  private final int _port;
  private final String _username;
  private final String _password;
  private final IggyTcpClient _admin;

  private IggyTarget(IggyTestServer server, String host, int port, String username, String password) {
    _server = server;
    _host = host;
    _port = port;
    _username = username;
    _password = password;
    _admin = LoggedIn.blocking(IggyTcpClient.builder().host(host).port(port).credentials(username, password));
  }

  /** The real server named by the environment, or a fresh in-process test server. */
  public static IggyTarget start() {
    String address = System.getenv("IGGY_TCP_ADDRESS");
    if (address == null || address.isBlank()) {
      IggyTestServer server = IggyTestServer.start();
      return new IggyTarget(server, server.host(), server.port(), "iggy", "iggy");
    }
    int colon = address.lastIndexOf(':');
    return new IggyTarget(null, address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
        System.getenv().getOrDefault("IGGY_USERNAME", "iggy"), System.getenv().getOrDefault("IGGY_PASSWORD",
        "iggy"));
  }

  public boolean isRealServer() {
    return _server == null;
  }

  /** The in-process server; skips the test against a real server, saying why. */
  public IggyTestServer testServer(String why) {
    Assumptions.assumeTrue(_server != null, "skipped against a real iggy-server: " + why
        + " needs the test server's control hooks");
    return _server;
  }

  public String host() {
    return _host;
  }

  public int port() {
    return _port;
  }

  public String username() {
    return _username;
  }

  public String password() {
    return _password;
  }

  public IggyTcpClient admin() {
    return _admin;
  }

  /** Creates a stream with a unique name and one topic in it; returns the stream name. */
  public String createTopic(String topic, int partitions) {
    String stream = "it-" + UUID.randomUUID().toString().substring(0, 8);
    _admin.streams().createStream(stream);
    _admin.topics().createTopic(StreamId.of(stream), (long) partitions, CompressionAlgorithm.None, BigInteger.ZERO,
        BigInteger.ZERO, Optional.empty(), topic);
    return stream;
  }

  public void send(String stream, String topic, int partition, List<Message> messages) {
    _admin.messages().sendMessages(StreamId.of(stream), TopicId.of(topic), Partitioning.partitionId((long) partition),
        messages);
  }

  /** The stream config of a table reading {@code stream}/{@code topic} from this server. */
  public Map<String, String> streamConfig(String stream, String topic) {
    return endpoint().streamConfig(stream, topic);
  }

  public IggyEndpoint endpoint() {
    return new IggyEndpoint(_host, _port, _username, _password);
  }

  @Override
  public void close() {
    _admin.close();
    if (_server != null) {
      _server.close();
    }
  }
}
