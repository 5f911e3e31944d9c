package org.apache.iggy.connector.pinot.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.junit.jupiter.api.Test;

class DeliveredWindowTest {
  private static PolledMessage message(long offset) {
    return new PolledMessage(offset, 1000 + offset, 0, 7 * offset, new byte[0], 64, 0, 0, null);
  }

  private static List<PolledMessage> messages(long... offsets) {
    List<PolledMessage> messages = new ArrayList<>();
    for (long offset : offsets) {
      messages.add(message(offset));
    }
    return messages;
  }

  @Test
  void theCheckedPreviousMessageAndTheBatchAreKept() {
    DeliveredWindow window = DeliveredWindow.of(message(4), messages(5, 6, 7), 20);

    assertThat(window.at(3)).isNull();
    assertThat(window.at(4)).isEqualTo(new Anchor(4, 1004, 28));
    assertThat(window.at(7)).isEqualTo(new Anchor(7, 1007, 49));
    assertThat(window.at(8)).isNull();
    assertThat(window.partitionLastOffset()).isEqualTo(20);
  }

  @Test
  void onlyTheConsecutiveTailIsKept() {
    DeliveredWindow gapInBatch = DeliveredWindow.of(message(4), messages(5, 9, 10), 10);
    DeliveredWindow gapAfterPrevious = DeliveredWindow.of(message(2), messages(5, 6), 6);

    assertThat(gapInBatch.at(5)).isNull();
    assertThat(gapInBatch.at(9)).isEqualTo(new Anchor(9, 1009, 63));
    assertThat(gapInBatch.at(10)).isEqualTo(new Anchor(10, 1010, 70));
    assertThat(gapAfterPrevious.at(2)).isNull();
    assertThat(gapAfterPrevious.at(5)).isEqualTo(new Anchor(5, 1005, 35));
  }

  @Test
  void aLongBatchKeepsItsLastMessagesOnly() {
    long[] offsets = new long[DeliveredWindow.MAX_MESSAGES + 10];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = i;
    }

    DeliveredWindow window = DeliveredWindow.of(null, messages(offsets), offsets.length - 1);

    assertThat(window.at(9)).isNull();
    assertThat(window.at(10)).isEqualTo(new Anchor(10, 1010, 70));
    assertThat(window.at(offsets.length - 1)).isNotNull();
  }

  @Test
  void nothingDeliveredIsNothingToRemember() {
    assertThat(DeliveredWindow.of(null, List.of(), 3)).isNull();
    assertThat(DeliveredWindow.of(message(3), List.of(), 3).at(3)).isEqualTo(new Anchor(3, 1003, 21));
  }
}
