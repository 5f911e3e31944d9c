package org.apache.iggy.connector.pinot.client.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLException;
import org.apache.iggy.connector.pinot.client.FailureKind;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.apache.iggy.connector.pinot.client.RequestContext;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;
import org.apache.iggy.connector.pinot.testserver.IggyTestServer;
import org.apache.iggy.connector.pinot.testserver.SelfSignedTls;
import org.apache.pinot.spi.stream.PermanentConsumerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK handshake that explains a TLS failure the SDK reports only as a closed channel. */
class TlsHandshakeProbeTest {
  @TempDir
  Path _dir;

  private static IggyConnectionSettings settings(int port, Path ca) {
    return new IggyConnectionSettings("localhost", port, "iggy", "iggy", null, true, ca.toString(), null, 1, 2000,
        2000);
  }

  @Test
  void aTrustedCertificateForTheDialledNameShakesHands() throws Exception {
    try (IggyTestServer server = IggyTestServer.builder().tls(true).start()) {
      Path ca = Files.writeString(_dir.resolve("ca.pem"), server.certificatePem());

      assertThat(TlsHandshakeProbe.failure(settings(server.port(), ca), "localhost", 2000)).isNull();
    }
  }

  @Test
  void anUntrustedCertificateIsTheHandshakesFailureAndClassifiesAsAPermanentTlsError() throws Exception {
    try (IggyTestServer server = IggyTestServer.builder().tls(true).start()) {
      Path wrongCa = Files.writeString(_dir.resolve("wrong.pem"), SelfSignedTls.generate("other").certificatePem());
      IggyConnectionSettings settings = settings(server.port(), wrongCa);

      SSLException failure = TlsHandshakeProbe.failure(settings, "localhost", 2000);

      assertThat(failure).isNotNull();
      RuntimeException classified = new IggyErrorClassifier(settings).classify(failure,
          RequestContext.of("TLS handshake")).exception();
      assertThat(classified).isInstanceOf(PermanentConsumerException.class).hasMessageContaining("TLS handshake")
          .hasMessageContaining("stream.iggy.tls.ca.file");
      assertThat(IggyErrors.kindOf(classified)).isEqualTo(FailureKind.TLS);
    }
  }

  @Test
  void noServerTellsNothing() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path ca = Files.writeString(_dir.resolve("ca.pem"), SelfSignedTls.generate("any").certificatePem());

    assertThat(TlsHandshakeProbe.failure(settings(closedPort, ca), "localhost", 2000)).isNull();
    assertThat(TlsHandshakeProbe.failure(settings(closedPort, ca), "localhost", 0)).isNull();
  }
}
