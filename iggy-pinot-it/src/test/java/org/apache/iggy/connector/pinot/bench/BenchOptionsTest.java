package org.apache.iggy.connector.pinot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  @Test
  void measuredRunsDefaultToThreeOneInSmokeModeOrAsGiven() {
    assertThat(BenchOptions.parse().runs()).isEqualTo(3);
    assertThat(BenchOptions.parse("--smoke").runs()).isEqualTo(1);
    assertThat(BenchOptions.parse("--quick", "--runs", "7").runs()).isEqualTo(7);
    assertThatThrownBy(() -> BenchOptions.parse("--runs", "100")).hasMessage("--runs takes 1 to 99, not 100");
    assertThatThrownBy(() -> BenchOptions.parse("--runs", "0")).hasMessageContaining("--runs");
  }
}
