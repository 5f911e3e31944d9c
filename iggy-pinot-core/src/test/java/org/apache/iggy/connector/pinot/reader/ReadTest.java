package org.apache.iggy.connector.pinot.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.iggy.connector.pinot.client.PolledBatch;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.junit.jupiter.api.Test;

class ReadTest {
  private static PolledBatch answer(long currentOffset, long... offsets) {
    List<PolledMessage> messages = new ArrayList<>();
    for (long offset : offsets) {
      messages.add(new PolledMessage(offset, 1, 0, 0, new byte[0], 64, 0, 0, null));
    }
    return new PolledBatch(0, currentOffset, messages);
  }

  @Test
  void theMessageBeforeTheStartIsSplitOff() {
    Read read = Read.of(5, answer(9, 4, 5, 6), -1);

    assertThat(read.previous().offset()).isEqualTo(4);
    assertThat(read.batch().messages()).extracting(PolledMessage::offset).containsExactly(5L, 6L);
    assertThat(read.batch().currentOffset()).isEqualTo(9);
    assertThat(read.isBeyondEnd(5)).isFalse();
  }

  @Test
  void withoutTheMessageBeforeTheStartEverythingIsTheBatch() {
    assertThat(Read.of(0, answer(3, 0, 1), -1).previous()).isNull();
    Read afterRetention = Read.of(5, answer(9, 7, 8), -1);
    assertThat(afterRetention.previous()).isNull();
    assertThat(afterRetention.batch().firstOffset()).isEqualTo(7);
  }

  @Test
  void beyondTheEndIsAnEmptyAnswerPastTheLastOffsetOrOnAnEmptyPartition() {
    assertThat(Read.of(5, answer(2), -1).isBeyondEnd(5)).isTrue();
    assertThat(Read.of(1, answer(0), -1).isBeyondEnd(1)).as("a poll from 0 finds nothing: the partition is empty")
        .isTrue();
    assertThat(Read.of(3, answer(2), -1).isBeyondEnd(3)).as("the next offset of an up-to-date partition").isFalse();
    assertThat(Read.of(0, answer(0), -1).isBeyondEnd(0)).isFalse();
  }

  @Test
  void theLastOffsetWentBackOnlyBelowWhatTheReaderKnewWhenItSentThePoll() {
    assertThat(Read.of(5, answer(6, 4, 5, 6), 7).lastOffsetWentBack()).isTrue();
    assertThat(Read.of(5, answer(7, 4, 5, 6), 7).lastOffsetWentBack()).isFalse();
    assertThat(Read.of(5, answer(6, 4, 5, 6), -1).lastOffsetWentBack()).as("nothing known before").isFalse();
  }

  @Test
  void aReadSplitsIntoItsFirstMessagesAndTheRestWhichFollowsThem() {
    Read read = Read.of(5, answer(8, 4, 5, 6, 7, 8), 9);

    Read first = read.first(2);
    Read rest = read.after(2);

    assertThat(first.previous().offset()).isEqualTo(4);
    assertThat(first.batch().messages()).extracting(PolledMessage::offset).containsExactly(5L, 6L);
    assertThat(first.lastOffsetWentBack()).isTrue();
    assertThat(rest.previous().offset()).as("the last message of the first part").isEqualTo(6);
    assertThat(rest.batch().messages()).extracting(PolledMessage::offset).containsExactly(7L, 8L);
    assertThat(rest.batch().currentOffset()).isEqualTo(8);
    assertThat(rest.lastOffsetWentBack()).as("reported with the first part, not again").isFalse();
  }
}
