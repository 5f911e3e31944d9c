package org.apache.iggy.connector.pinot.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureKindTest {
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
