package org.apache.iggy.connector.pinot.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainReaderGateTest {
  /** The payload indexes at which the plain reader is tried, when it declines every one. */
  private static List<Integer> triesWhileDeclining(PlainReaderGate gate, int payloads) {
    List<Integer> tries = new ArrayList<>();
    for (int i = 0; i < payloads; i++) {
      if (gate.tryPlain()) {
        tries.add(i);
        gate.plainDeclined();
      }
    }
    return tries;
  }

  @Test
  void triesEveryPayloadWhileTheyAreRead() {
    PlainReaderGate gate = new PlainReaderGate();
    for (int i = 0; i < 100; i++) {
      assertThat(gate.tryPlain()).isTrue();
      gate.plainRead();
    }
  }

  @Test
  void declinesInARowSpaceTheTriesOutUpToABound() {
    List<Integer> tries = triesWhileDeclining(new PlainReaderGate(), 10_000);

    assertThat(tries.subList(0, 5)).containsExactly(0, 2, 5, 10, 19);
    List<Integer> gaps = new ArrayList<>();
    for (int i = 1; i < tries.size(); i++) {
      gaps.add(tries.get(i) - tries.get(i - 1));
    }
    assertThat(gaps).allMatch(gap -> gap <= PlainReaderGate.MAX_SKIPPED + 1);
    assertThat(gaps.get(gaps.size() - 1)).isEqualTo(PlainReaderGate.MAX_SKIPPED + 1);
  }

  @Test
  void aReadPayloadEndsTheBackOff() {
    PlainReaderGate gate = new PlainReaderGate();
    triesWhileDeclining(gate, 100);
    int skipped = 0;
    while (!gate.tryPlain()) {
      skipped++;
    }
    assertThat(skipped).isPositive();
    gate.plainRead();

    gate.plainDeclined();
    assertThat(gate.tryPlain()).as("one payload skipped after a lone decline").isFalse();
    assertThat(gate.tryPlain()).isTrue();
  }
}
