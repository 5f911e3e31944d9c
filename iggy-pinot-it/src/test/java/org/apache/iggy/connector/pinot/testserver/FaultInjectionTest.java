package org.apache.iggy.connector.pinot.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
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
import org.junit.jupiter.api.io.TempDir;

/** Every fault a test can inject, observed through the real async SDK. */
class FaultInjectionTest {
  private static final StreamId STREAM = StreamId.of("s");
  private static final TopicId TOPIC = TopicId.of("t");
  private IggyTestServer _server;
  private AsyncIggyTcpClient _client;

  @BeforeEach
  void start() throws Exception {
    _server = IggyTestServer.start();
    IggyTcpClient producer = LoggedIn.blocking(IggyTcpClient.builder().host(_server.host()).port(_server.port())
        .credentials("iggy", "iggy"));
    producer.streams().createStream("s");
    producer.topics().createTopic(STREAM, 1L, CompressionAlgorithm.None, BigInteger.ZERO, BigInteger.ZERO,
        Optional.empty(), "t");
    producer.messages().sendMessages(STREAM, TOPIC, Partitioning.partitionId(0L), List.of(Message.of("a")));
    _client = LoggedIn.async(AsyncIggyTcpClient.builder().host(_server.host()).port(_server.port())
        .credentials("iggy", "iggy").connectionPoolSize(1));
  }

  @AfterEach
  void stop() {
    _client.close();
    _server.close();
  }

  private CompletableFuture<PolledMessages> poll() {
    return _client.messages().pollMessages(STREAM, TOPIC, Optional.of(0L), Consumer.of(0L),
        PollingStrategy.first(), 10L, false);
  }

  @Test
  void stallDelaysTheAnswer() throws Exception {
    _server.faults().stall(400);
    long started = System.nanoTime();

    assertThat(poll().get(5, TimeUnit.SECONDS).messages()).hasSize(1);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(380);
  }

  @Test
  void stallForeverNeverAnswers() {
    _server.faults().stallForever();

    assertThatThrownBy(() -> poll().get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
  }

  @Test
  void aGracefulCloseLeavesTheSdksRequestHangingWhileResetFailsIt() throws Exception {
    _server.faults().stallForever();
    CompletableFuture<PolledMessages> hanging = poll();
    awaitSwallowed(1);
    _server.faults().clear();
    _server.closeConnectionsGracefully();
    assertThatThrownBy(() -> hanging.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

    assertThatThrownBy(() -> poll().get(10, TimeUnit.SECONDS)).as("the hung request keeps the only pooled channel")
        .hasStackTraceContaining("AcquireTimeoutException");
  }

  @Test
  void aResetFailsTheRequestInFlight() {
    _server.faults().stallForever();
    CompletableFuture<PolledMessages> reset = poll();
    awaitSwallowed(1);

    _server.dropConnections();

    assertThatThrownBy(() -> reset.get(5, TimeUnit.SECONDS)).hasStackTraceContaining("Connection reset");
  }

  private void awaitSwallowed(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (_server.faults().swallowed() < count) {
      assertThat(System.nanoTime()).as("request reached the server").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  @Test
  void injectedErrorCodesAnswerTheNextRequests() throws Exception {
    _server.faults().failNext(1, 40);

    assertThatThrownBy(() -> poll().get(5, TimeUnit.SECONDS)).hasStackTraceContaining("40");
    assertThat(poll().get(5, TimeUnit.SECONDS).messages()).hasSize(1);
  }

  @Test
  void aCutResponseClosesTheConnection() {
    _server.faults().cutNextResponse();

    assertThatThrownBy(() -> poll().get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
  }

  @Test
  void refusedConnectionsAndRestartKeepingData() throws Exception {
    int port = _server.port();
    _server.refuseConnections();
    AsyncIggyTcpClient refused = AsyncIggyTcpClient.builder().host(_server.host()).port(port).build();
    assertThatThrownBy(() -> refused.connect().get(5, TimeUnit.SECONDS)).hasStackTraceContaining("refused");
    refused.close();

    _server.acceptConnections();
    _server.restart();

    assertThat(_server.port()).isEqualTo(port);
    AsyncIggyTcpClient again = LoggedIn.async(AsyncIggyTcpClient.builder().host(_server.host()).port(port)
        .credentials("iggy", "iggy"));
    assertThat(again.messages().pollMessages(STREAM, TOPIC, Optional.of(0L), Consumer.of(0L),
        PollingStrategy.first(), 10L, false).get(5, TimeUnit.SECONDS).messages()).hasSize(1);
    again.close();
  }

  @Test
  void tlsWithTheGeneratedCertificate(@TempDir Path dir) throws Exception {
    try (IggyTestServer tls = IggyTestServer.builder().tls(true).start()) {
      Path ca = Files.writeString(dir.resolve("ca.pem"), tls.certificatePem());
      AsyncIggyTcpClient client = LoggedIn.async(AsyncIggyTcpClient.builder().host("localhost").port(tls.port())
          .credentials("iggy", "iggy").enableTls().tlsCertificate(ca.toFile()));
      assertThat(client.system().ping().get(5, TimeUnit.SECONDS)).isEqualTo("pong");
      client.close();

      // The SDK 0.8.0 sometimes reports a rejected certificate only as a closed channel, so the rejection is
      // checked with a plain JDK handshake.
      String otherCa = SelfSignedTls.generate("other").certificatePem();
      try (SSLSocket socket = (SSLSocket) trusting(otherCa).getSocketFactory().createSocket("localhost",
          tls.port())) {
        assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static SSLContext trusting(String caPem) throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(
        new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
