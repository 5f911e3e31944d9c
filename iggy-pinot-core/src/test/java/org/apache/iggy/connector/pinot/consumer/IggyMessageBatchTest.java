package org.apache.iggy.connector.pinot.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.StreamMessageMetadata;
import org.junit.jupiter.api.Test;

class IggyMessageBatchTest {
  private static final IggyMessageMetadata METADATA = new IggyMessageMetadata(false, 1);

  private static PolledMessage message(long offset, int payloadBytes) {
    return new PolledMessage(offset, 1_700_000_000_123_456L, 1_700_000_000_000_999L, offset * 31,
        new byte[payloadBytes], 64 + payloadBytes, 0, 0, null);
  }

  private static long offset(StreamMessageMetadata metadata) {
    return ((LongMsgOffset) metadata.getOffset()).getOffset();
  }

  private static long next(StreamMessageMetadata metadata) {
    return ((LongMsgOffset) metadata.getNextOffset()).getOffset();
  }

  @Test
  void eachMessageGetsItsOffsetAndTheOneAfterItAlsoAcrossAGap() {
    IggyMessageBatch batch = IggyMessageBatch.of(List.of(message(5, 3), message(6, 4), message(9, 5)), 5, METADATA,
        false);

    assertThat(batch.getMessageCount()).isEqualTo(3);
    StreamMessageMetadata first = batch.getStreamMessage(0).getMetadata();
    StreamMessageMetadata second = batch.getStreamMessage(1).getMetadata();
    StreamMessageMetadata last = batch.getLastMessageMetadata();
    assertThat(offset(first)).isEqualTo(5);
    assertThat(next(first)).isEqualTo(6);
    assertThat(first.getNextOffset()).isSameAs(second.getOffset());
    assertThat(offset(second)).isEqualTo(6);
    assertThat(next(second)).isEqualTo(7);
    assertThat(offset(last)).isEqualTo(9);
    assertThat(next(last)).isEqualTo(10);
    assertThat(((LongMsgOffset) batch.getOffsetOfNextBatch()).getOffset()).isEqualTo(10);
    assertThat(((LongMsgOffset) batch.getFirstMessageOffset()).getOffset()).isEqualTo(5);
    assertThat(batch.getSizeInBytes()).isEqualTo(12);
    assertThat(first.getRecordIngestionTimeMs()).isEqualTo(1_700_000_000_123L);
    assertThat(first.getFirstStreamRecordIngestionTimeMs()).isEqualTo(1_700_000_000_000L);
    assertThat(first.getRecordSerializedSize()).isEqualTo(3);
  }

  @Test
  void anEmptyBatchResumesAtItsStart() {
    IggyMessageBatch batch = IggyMessageBatch.of(List.of(), 42, METADATA, true);

    assertThat(batch.getMessageCount()).isZero();
    assertThat(((LongMsgOffset) batch.getOffsetOfNextBatch()).getOffset()).isEqualTo(42);
    assertThat(batch.getFirstMessageOffset()).isNull();
    assertThat(batch.getLastMessageMetadata()).isNull();
    assertThat(batch.hasDataLoss()).isTrue();
  }
}
