package org.apache.iggy.connector.pinot.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;
import org.junit.jupiter.api.Test;

class FailureKindTest {
  private static final IggyErrorClassifier CLASSIFIER = new IggyErrorClassifier(new IggyConnectionSettings(
      "iggy.local", 8090, "pinot", "pw", null, false, null, null, 4, 1000, 1000));

  private static FailureKind kindOfClassified(Throwable transportFailure) {
    return IggyErrors.kindOf(CLASSIFIER.classify(new CompletionException(transportFailure),
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

  @Test
  void theKindOfOurErrorIsFoundBehindWrappers() {
    RuntimeException ours = IggyErrors.permanentError(FailureKind.NOT_FOUND, "Iggy topic 't' not found", null);

    assertThat(IggyErrors.kindOf(new IllegalStateException("wrapped", ours))).isEqualTo(FailureKind.NOT_FOUND);
    assertThat(IggyErrors.kindOf(new IllegalStateException("not ours"))).isEqualTo(FailureKind.OTHER);
  }

  @Test
  void labelsAreWhatReportsPrint() {
    assertThat(FailureKind.NOT_FOUND.label()).isEqualTo("not-found");
    assertThat(FailureKind.DNS.meaning()).isEqualTo("the host name does not resolve");
  }
}
