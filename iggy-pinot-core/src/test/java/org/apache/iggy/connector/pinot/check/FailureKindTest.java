package org.apache.iggy.connector.pinot.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.junit.jupiter.api.Test;

class FailureKindTest {
  @Test
  void theKindComesFromTheCauseChain() {
    assertThat(FailureKind.of(IggyErrors.transientError("x", new UnknownHostException("nowhere"))))
        .isEqualTo(FailureKind.DNS);
    assertThat(FailureKind.of(IggyErrors.transientError("x", new ConnectException("refused"))))
        .isEqualTo(FailureKind.REFUSED);
    assertThat(FailureKind.of(IggyErrors.permanentError("x", new SSLHandshakeException("bad cert"))))
        .isEqualTo(FailureKind.TLS);
    assertThat(FailureKind.of(IggyErrors.transientError("x", new TimeoutException()))).isEqualTo(FailureKind.TIMEOUT);
  }

  @Test
  void ourOwnMessagesCoverFailuresWithoutACause() {
    assertThat(FailureKind.of(IggyErrors.permanentError("Iggy topic 't' not found in stream 's'", null)))
        .isEqualTo(FailureKind.NOT_FOUND);
    assertThat(FailureKind.of(IggyErrors.permanentError("stream.iggy.tls.server.name 'a' does not resolve", null)))
        .isEqualTo(FailureKind.DNS);
    assertThat(FailureKind.of(new IllegalStateException("odd"))).isEqualTo(FailureKind.OTHER);
    assertThat(FailureKind.NOT_FOUND.label()).isEqualTo("not-found");
  }

}
