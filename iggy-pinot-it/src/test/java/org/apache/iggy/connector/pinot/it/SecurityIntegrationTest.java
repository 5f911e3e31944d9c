package org.apache.iggy.connector.pinot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.connector.pinot.testserver.IggyTestServer;
import org.apache.iggy.connector.pinot.testserver.LoggedIn;
import org.apache.iggy.connector.pinot.testserver.SelfSignedTls;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.topic.CompressionAlgorithm;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.PermanentConsumerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS with a CA file and hostname verification, token login, and secrets that never reach a log line. */
class SecurityIntegrationTest {
  private static final String TOPIC = "secure";

  @Test
  void tlsWithTheCaFileAndHostnameVerification(@TempDir Path dir) throws Exception {
    try (IggyTestServer tls = IggyTestServer.builder().tls(true).start()) {
      Path ca = Files.writeString(dir.resolve("ca.pem"), tls.certificatePem());
      Path wrongCa = Files.writeString(dir.resolve("wrong.pem"), SelfSignedTls.generate("other").certificatePem());
      Map<String, String> config = tlsConfig(tls, ca);
      seed(tls, ca);

      PartitionGroupConsumer consumer = Connector.consumer(Connector.factory(config), 0);
      assertThat(Connector.payloads(Connector.fetch(consumer, 0, 5000))).containsExactly("{\"secure\":true}");
      consumer.close();

      config.put("stream.iggy.tls.ca.file", wrongCa.toString());
      PartitionGroupConsumer untrusted = Connector.consumer(Connector.factory(config), 0);
      assertThatThrownBy(() -> Connector.fetch(untrusted, 0, 5000)).isInstanceOf(PermanentConsumerException.class)
          .hasMessageContaining("TLS handshake").hasMessageContaining("stream.iggy.tls.ca.file");
      untrusted.close();
    }
  }

  @Test
  void tlsServerNameIsVerifiedWhenItReachesTheSameServer(@TempDir Path dir) throws Exception {
    try (IggyTestServer tls = IggyTestServer.builder().tls(true).start()) {
      Path ca = Files.writeString(dir.resolve("ca.pem"), tls.certificatePem());
      seed(tls, ca);
      Map<String, String> config = tlsConfig(tls, ca);
      config.put("stream.iggy.host", "127.0.0.1");
      config.put("stream.iggy.tls.server.name", "localhost");

      PartitionGroupConsumer consumer = Connector.consumer(Connector.factory(config), 0);
      assertThat(Connector.fetch(consumer, 0, 5000).getMessageCount()).isEqualTo(1);
      consumer.close();

      config.put("stream.iggy.tls.server.name", "iggy.invalid");
      PartitionGroupConsumer wrongName = Connector.consumer(Connector.factory(config), 0);
      assertThatThrownBy(() -> Connector.fetch(wrongName, 0, 5000)).isInstanceOf(PermanentConsumerException.class)
          .hasMessageContaining("stream.iggy.tls.server.name 'iggy.invalid'");
      wrongName.close();
    }
  }

  private static Map<String, String> tlsConfig(IggyTestServer tls, Path ca) {
    Map<String, String> config = new HashMap<>(Map.of("streamType", "iggy", "stream.iggy.topic.name", TOPIC,
        "stream.iggy.consumer.factory.class.name", "org.apache.iggy.connector.pinot.consumer.IggyConsumerFactory",
        "stream.iggy.decoder.class.name", "org.apache.iggy.connector.pinot.decoder.IggyJsonMessageDecoder",
        "stream.iggy.host", "localhost", "stream.iggy.port", Integer.toString(tls.port()),
        "stream.iggy.stream.id", "s", "stream.iggy.enable.tls", "true"));
    config.put("stream.iggy.tls.ca.file", ca.toString());
    return config;
  }

  private static void seed(IggyTestServer tls, Path ca) {
    IggyTcpClient admin = LoggedIn.blocking(IggyTcpClient.builder().host("localhost").port(tls.port())
        .credentials("iggy", "iggy").enableTls().tlsCertificate(ca.toFile()));
    admin.streams().createStream("s");
    admin.topics().createTopic(StreamId.of("s"), 1L, CompressionAlgorithm.None, BigInteger.ZERO, BigInteger.ZERO,
        Optional.empty(), TOPIC);
    admin.messages().sendMessages(StreamId.of("s"), TopicId.of(TOPIC), Partitioning.partitionId(0L),
        List.of(Message.of("{\"secure\":true}")));
    admin.close();
  }

  @Test
  void tokenLoginWorksAndNeitherTokenNorPasswordIsEverLogged() throws Exception {
    try (IggyTarget iggy = IggyTarget.start(); CapturedLogs logs = new CapturedLogs()) {
      IggyTestServer server = iggy.testServer("creating a personal access token");
      String stream = iggy.createTopic(TOPIC, 1);
      iggy.send(stream, TOPIC, 0, List.of(Message.of("{\"a\":1}")));
      String token = server.createToken("iggy", "pinot", 0);
      Map<String, String> byToken = iggy.streamConfig(stream, TOPIC);
      byToken.put("stream.iggy.personal.access.token", token);
      byToken.put("stream.iggy.password", "pw-that-must-not-leak");

      PartitionGroupConsumer consumer = Connector.consumer(Connector.factory(byToken), 0);
      assertThat(Connector.fetch(consumer, 0, 5000).getMessageCount()).isEqualTo(1);
      consumer.close();

      Map<String, String> badToken = iggy.streamConfig(stream, TOPIC);
      badToken.put("stream.iggy.personal.access.token", "tok-that-must-not-leak");
      PartitionGroupConsumer rejected = Connector.consumer(Connector.factory(badToken), 0);
      assertThatThrownBy(() -> Connector.fetch(rejected, 0, 5000)).isInstanceOf(PermanentConsumerException.class)
          .hasMessageContaining("rejected the personal access token").hasMessageNotContaining("tok-that-must-not");
      rejected.close();

      Map<String, String> badPassword = iggy.streamConfig(stream, TOPIC);
      badPassword.put("stream.iggy.password", "wrong-pw-that-must-not-leak");
      PartitionGroupConsumer wrong = Connector.consumer(Connector.factory(badPassword), 0);
      assertThatThrownBy(() -> Connector.fetch(wrong, 0, 5000)).isInstanceOf(PermanentConsumerException.class);
      wrong.close();

      assertThat(logs.lines()).isNotEmpty();
      assertThat(String.join("\n", logs.lines())).doesNotContain(token).doesNotContain("pw-that-must-not-leak")
          .doesNotContain("tok-that-must-not-leak").doesNotContain("wrong-pw-that-must-not-leak")
          .doesNotContain("password=" + iggy.password());
    }
  }
}
