package org.apache.iggy.connector.pinot.client.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.apache.iggy.connector.pinot.client.PollRequest;
import org.apache.iggy.connector.pinot.client.PollStart;
import org.apache.iggy.connector.pinot.client.PolledBatch;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.iggy.connector.pinot.config.IggyResourceId;
import org.apache.pinot.spi.stream.TransientConsumerException;
import org.junit.jupiter.api.Test;

class PollCodecTest {
  private static final String SOURCE = "Iggy at h:8090";

  /** One message as the server returns it: 64-byte header, payload, user headers. */
  private static void message(ByteBuf out, long offset, String payload, byte[] headers) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    out.writeLongLE(0xC0FFEEL).writeLongLE(-1L).writeLongLE(7L).writeLongLE(offset).writeLongLE(1_700_000_000_000_000L)
        .writeLongLE(42L).writeIntLE(headers.length).writeIntLE(bytes.length).writeLongLE(0).writeBytes(bytes)
        .writeBytes(headers);
  }

  private static ByteBuf answer(int count) {
    return Unpooled.buffer().writeIntLE(3).writeLongLE(99).writeIntLE(count);
  }

  @Test
  void theRequestIsTheWireLayoutOfIggy08() {
    TopicRef topic = new TopicRef(IggyResourceId.parse("0"), IggyResourceId.parse("0"));
    ByteBuf request = PollCodec.request(new PollRequest(topic, 0, PollStart.offset(5), 100, false));

    assertThat(ByteBufUtil.hexDump(request)).isEqualTo("01010400000000" + "010400000000" + "010400000000"
        + "0100000000" + "010500000000000000" + "64000000" + "00");
    ByteBuf named = PollCodec.request(new PollRequest(new TopicRef(IggyResourceId.parse("événements"),
        IggyResourceId.parse("t")), 2, PollStart.first(), 1, false));
    assertThat(named.getByte(7)).isEqualTo((byte) 2);
    assertThat(named.getUnsignedByte(8)).as("the UTF-8 byte length, not the char count").isEqualTo((short) 12);
  }

  @Test
  void anAnswerIsReadWithPayloadsAndWithoutMetadataUnlessAsked() {
    ByteBuf in = answer(2);
    message(in, 10, "first", new byte[] {1, 2, 3});
    message(in, 11, "second", new byte[0]);

    PolledBatch lean = PollCodec.answer(in, false, SOURCE);
    PolledBatch full = PollCodec.answer(in, true, SOURCE);

    assertThat(lean.partitionId()).isEqualTo(3);
    assertThat(lean.currentOffset()).isEqualTo(99);
    assertThat(lean.messages()).extracting(PolledMessage::offset).containsExactly(10L, 11L);
    PolledMessage first = lean.messages().get(0);
    assertThat(new String(first.payload(), StandardCharsets.UTF_8)).isEqualTo("first");
    assertThat(first.timestampMicros()).isEqualTo(1_700_000_000_000_000L);
    assertThat(first.originTimestampMicros()).isEqualTo(42);
    assertThat(first.checksum()).isEqualTo(0xC0FFEEL);
    assertThat(first.sizeInBytes()).isEqualTo(64 + 5 + 3);
    assertThat(first.userHeaders()).isNull();
    assertThat(lean.answerPayloadBytes()).as("payloads only: 'first' and 'second'").isEqualTo(5 + 6);
    assertThat(lean.slice(1, 2).answerPayloadBytes()).as("a slice keeps its answer's figure").isEqualTo(11);
    assertThat(full.messages().get(0).userHeaders()).containsExactly(1, 2, 3);
    assertThat(full.messages().get(1).userHeaders()).isEmpty();
    assertThat(full.messages().get(0).id()).as("id bytes ff..ff then 07 00..: 7 * 2^64 + 2^64 - 1")
        .isEqualTo("147573952589676412927");
    assertThat(in.readerIndex()).as("the answer is not consumed").isZero();
  }

  @Test
  void everyLengthIsCheckedAgainstTheBytesThatAreThere() {
    assertThatThrownBy(() -> PollCodec.answer(Unpooled.buffer().writeIntLE(0), false, SOURCE))
        .isInstanceOf(TransientConsumerException.class)
        .hasMessage("malformed poll answer from Iggy at h:8090: the answer has 4 bytes, fewer than its 16-byte header");
    assertThatThrownBy(() -> PollCodec.answer(answer(1_000_000), false, SOURCE))
        .hasMessageContaining("declares 1000000 messages but only 0 bytes follow");

    ByteBuf cut = answer(1);
    message(cut, 0, "payload", new byte[0]);
    cut.writerIndex(cut.writerIndex() - 2);
    assertThatThrownBy(() -> PollCodec.answer(cut, false, SOURCE))
        .hasMessageContaining("message 0 of 1 declares 7 payload and 0 header bytes but only 5 follow");

    ByteBuf huge = answer(1);
    message(huge, 0, "x", new byte[0]);
    huge.setIntLE(16 + 48, -1);
    assertThatThrownBy(() -> PollCodec.answer(huge, true, SOURCE)).hasMessageContaining("4294967295 header bytes");

    ByteBuf backwards = answer(2);
    message(backwards, 5, "a", new byte[0]);
    message(backwards, 5, "b", new byte[0]);
    assertThatThrownBy(() -> PollCodec.answer(backwards, false, SOURCE))
        .hasMessageContaining("message 1 has offset 5 after offset 5");
  }
}
