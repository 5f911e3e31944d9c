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

  @Test
  void withRunsChangesOnlyTheRuns() {
    BenchOptions options = BenchOptions.parse("--quick", "--warmups", "2", "--only", "decoder");

    assertThat(options.withRuns(15)).isEqualTo(new BenchOptions(options.events(), 15, 2, options.scenarios(), null, 0,
        "iggy", "iggy"));
  }

  @Test
  void threeWarmUpTurnsByDefaultNoneInSmokeModeOrAsGiven() {
    assertThat(BenchOptions.parse().warmUps()).isEqualTo(3);
    assertThat(BenchOptions.parse("--quick").warmUps()).isEqualTo(3);
    assertThat(BenchOptions.parse("--smoke").warmUps()).isZero();
    assertThat(BenchOptions.parse("--warmups", "0").warmUps()).isZero();
    assertThat(BenchOptions.parse("--smoke", "--warmups", "2").warmUps()).isEqualTo(2);
    assertThatThrownBy(() -> BenchOptions.parse("--warmups", "-1")).hasMessage("--warmups takes 0 to 99, not '-1'");
    assertThatThrownBy(() -> BenchOptions.parse("--warmups", "x")).hasMessage("--warmups takes 0 to 99, not 'x'");
  }
}
