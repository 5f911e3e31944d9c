package org.apache.iggy.connector.pinot.client.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.NotSslRecordException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.iggy.connector.pinot.client.FailureKind;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.apache.iggy.connector.pinot.client.RequestContext;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;
import org.apache.iggy.connector.pinot.config.IggyResourceId;
import org.apache.iggy.exception.IggyErrorCode;
import org.apache.iggy.exception.IggyNotConnectedException;
import org.apache.iggy.exception.IggyServerException;
import org.apache.pinot.spi.stream.PermanentConsumerException;
import org.apache.pinot.spi.stream.TransientConsumerException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IggyErrorClassifierTest {
  private static final TopicRef TOPIC = new TopicRef(IggyResourceId.parse("analytics"),
      IggyResourceId.parse("user-events"));
  private static final RequestContext POLL = RequestContext.of("poll", TOPIC, 3);

  static IggyConnectionSettings settings(String token) {
    return new IggyConnectionSettings("iggy.local", 8090, "pinot", "secret-password", token, false, null, null, 4,
        1000, 1000);
  }

  private static IggyServerException serverError(int code) {
    return new IggyServerException(IggyErrorCode.UNKNOWN, code, "Server error", java.util.Optional.empty(),
        java.util.Optional.empty());
  }

  private static FailureKind kindOfClassified(Throwable transportFailure) {
    return IggyErrors.kindOf(new IggyErrorClassifier(settings(null)).classify(new CompletionException(transportFailure),
        RequestContext.of("connect")).exception());
  }

  @Test
  void transportFailuresGetTheirKindFromTheCauseChain() {
    assertThat(kindOfClassified(new IOException("wrapped", new UnknownHostException("nowhere"))))
        .isEqualTo(FailureKind.DNS);
    assertThat(kindOfClassified(new ConnectException("Connection refused"))).isEqualTo(FailureKind.REFUSED);
    assertThat(kindOfClassified(new ConnectTimeoutException("connection timed out"))).isEqualTo(FailureKind.TIMEOUT);
    assertThat(kindOfClassified(new NoRouteToHostException("no route"))).isEqualTo(FailureKind.UNREACHABLE);
    assertThat(kindOfClassified(new SSLHandshakeException("handshake failed"))).isEqualTo(FailureKind.TLS);
    assertThat(kindOfClassified(new IOException("Connection reset by peer"))).isEqualTo(FailureKind.OTHER);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "42|AUTH|Iggy authentication failed for user 'pinot' at iggy.local:8090",
      "43|AUTH|Iggy authentication failed for user 'pinot'",
      "44|AUTH|Iggy authentication failed for user 'pinot'",
      "47|AUTH|Iggy user 'pinot' at iggy.local:8090 is inactive",
      "41|PERMISSION|Iggy user 'pinot' has no permission for poll of partition 3 of stream 'analytics' topic "
          + "'user-events'",
      "54|AUTH|rejected the personal access token (code 54: token expired)",
      "1009|NOT_FOUND|Iggy stream 'analytics' not found at iggy.local:8090",
      "2010|NOT_FOUND|Iggy topic 'user-events' not found in stream 'analytics' at iggy.local:8090",
      "3007|NOT_FOUND|Iggy partition 3 not found in stream 'analytics' topic 'user-events' at iggy.local:8090",
      "3|OTHER|Iggy at iggy.local:8090 rejected poll of partition 3 of stream 'analytics' topic 'user-events' as "
          + "malformed (code 3: invalid command)",
      "4|OTHER|rejected poll of partition 3 of stream 'analytics' topic 'user-events' as malformed (code 4: invalid "
          + "format)"
  })
  void permanentServerCodes(int code, FailureKind kind, String message) {
    ClassifiedError error = new IggyErrorClassifier(settings(null)).classify(new CompletionException(
        serverError(code)), POLL);

    assertThat(error.exception()).isInstanceOf(PermanentConsumerException.class).hasMessageContaining(message);
    assertThat(IggyErrors.kindOf(error.exception())).isEqualTo(kind);
    assertThat(error.evictClient()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"1", "8", "30", "40", "100", "206", "11000", "11001", "12001", "13000"})
  void transientServerCodesReplaceTheClient(int code) {
    ClassifiedError error = new IggyErrorClassifier(settings(null)).classify(serverError(code), POLL);

    assertThat(error.exception()).isInstanceOf(TransientConsumerException.class)
        .hasMessageContaining("(code " + code);
    assertThat(error.evictClient()).isTrue();
  }

  @Test
  void unknownServerCodesAreTransientAndNameTheCode() {
    ClassifiedError error = new IggyErrorClassifier(settings(null)).classify(serverError(4100), POLL);

    assertThat(error.exception()).isInstanceOf(TransientConsumerException.class)
        .hasMessageContaining("server error code 4100");
    assertThat(error.evictClient()).isFalse();
  }

  @Test
  void anUnknownTokenIsPermanentOnlyWhenLoggingInWithAToken() {
    assertThat(new IggyErrorClassifier(settings("tok-abc")).classify(serverError(20), POLL).exception())
        .isInstanceOf(PermanentConsumerException.class).hasMessageContaining("rejected the personal access token");
    assertThat(new IggyErrorClassifier(settings(null)).classify(serverError(20), POLL).exception())
        .isInstanceOf(TransientConsumerException.class);
  }

  @Test
  void networkFailuresAreTransientAndReplaceTheClient() {
    IggyErrorClassifier classifier = new IggyErrorClassifier(settings(null));

    for (Throwable failure : new Throwable[] {new ConnectException("Connection refused"),
        new IOException("Connection reset by peer"), new TimeoutException("acquire"),
        new IggyNotConnectedException("Connection pool is closed"), new IllegalStateException("odd")}) {
      ClassifiedError error = classifier.classify(new CompletionException(failure), POLL);
      assertThat(error.exception()).isInstanceOf(TransientConsumerException.class)
          .hasMessageContaining("iggy.local:8090");
      assertThat(error.evictClient()).isTrue();
    }
  }

  @Test
  void certificateProblemsArePermanent() {
    SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
    handshake.initCause(new CertificateException("unable to find valid certification path"));

    assertThat(new IggyErrorClassifier(settings(null)).classify(handshake, POLL).exception())
        .isInstanceOf(PermanentConsumerException.class).hasMessageContaining("TLS handshake")
        .hasMessageContaining("stream.iggy.tls.ca.file");
    assertThat(new IggyErrorClassifier(settings(null)).classify(new NotSslRecordException("plain"), POLL)
        .exception()).isInstanceOf(PermanentConsumerException.class).hasMessageContaining("did not answer with TLS");
  }

  @Test
  void messagesNeverContainSecrets() {
    IggyErrorClassifier classifier = new IggyErrorClassifier(settings("tok-very-secret"));
    for (int code : new int[] {20, 41, 42, 47, 53, 54, 1009, 2010, 3007, 40, 4100}) {
      assertThat(classifier.classify(serverError(code), POLL).exception().getMessage())
          .doesNotContain("secret-password").doesNotContain("tok-very-secret");
    }
  }
}
