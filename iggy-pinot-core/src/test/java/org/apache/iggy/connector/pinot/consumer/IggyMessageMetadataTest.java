package org.apache.iggy.connector.pinot.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.apache.iggy.connector.pinot.testing.HeaderBlobs;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.StreamMessageMetadata;
import org.junit.jupiter.api.Test;

class IggyMessageMetadataTest {
  private static PolledMessage message(long offset, byte[] headers) {
    return new PolledMessage(offset, 1_700_000_000_123_456L, 0, 0, new byte[3], 67 + headers.length, 5, 0, headers);
  }

  private static StreamMessageMetadata of(IggyMessageMetadata metadata, PolledMessage message) {
    return metadata.of(message, new LongMsgOffset(message.offset()), new LongMsgOffset(message.offset() + 1));
  }

  @Test
  void malformedHeadersAreCountedAndTheMessageKeepsEverythingElse() {
    IggyMessageMetadata metadata = new IggyMessageMetadata(true, 2);
    byte[] unknownKind = HeaderBlobs.entry(2, "k".getBytes(StandardCharsets.UTF_8), 99, new byte[] {1});

    StreamMessageMetadata first = of(metadata, message(7, unknownKind));
    of(metadata, message(8, unknownKind));
    StreamMessageMetadata good = of(metadata, message(9, HeaderBlobs.of(Map.of("k", 1L))));

    assertThat(metadata.malformedHeaders()).isEqualTo(2);
    assertThat(first.getHeaders()).isNull();
    assertThat(first.getRecordIngestionTimeMs()).isEqualTo(1_700_000_000_123L);
    assertThat(first.getRecordMetadata()).containsEntry("offset", "7").containsEntry("partition", "2")
        .containsEntry("messageId", "5");
    assertThat(good.getHeaders().getValue("k")).isEqualTo(1L);
  }

  @Test
  void withoutPopulateNeitherHeadersNorRecordMetadataAreBuilt() {
    IggyMessageMetadata metadata = new IggyMessageMetadata(false, 2);

    StreamMessageMetadata plain = of(metadata, message(7, new byte[] {1, 2}));

    assertThat(plain.getHeaders()).isNull();
    assertThat(plain.getRecordMetadata()).isNullOrEmpty();
    assertThat(metadata.malformedHeaders()).isZero();
  }
}
