package org.apache.iggy.connector.pinot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.iggy.connector.pinot.testing.HeaderBlobs;
import org.junit.jupiter.api.Test;

class UserHeadersTest {
  private static byte[] key(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void everyKindBecomesItsJavaValue() {
    byte[] blob = concat(
        HeaderBlobs.entry(2, key("s"), 2, key("web")),
        HeaderBlobs.entry(2, key("b"), 3, new byte[] {1}),
        HeaderBlobs.entry(2, key("i8"), 4, new byte[] {-2}),
        HeaderBlobs.entry(2, key("i16"), 5, new byte[] {1, 1}),
        HeaderBlobs.entry(2, key("i32"), 6, new byte[] {1, 0, 0, 0}),
        HeaderBlobs.entry(2, key("i64"), 7, new byte[] {-1, -1, -1, -1, -1, -1, -1, -1}),
        HeaderBlobs.entry(2, key("i128"), 8, concat(new byte[] {-2}, filled(15, (byte) -1))),
        HeaderBlobs.entry(2, key("u8"), 9, new byte[] {-1}),
        HeaderBlobs.entry(2, key("u16"), 10, new byte[] {-1, -1}),
        HeaderBlobs.entry(2, key("u32"), 11, new byte[] {-1, -1, -1, -1}),
        HeaderBlobs.entry(2, key("u64"), 12, filled(8, (byte) -1)),
        HeaderBlobs.entry(2, key("u128"), 13, concat(new byte[] {1}, filled(15, (byte) 0))),
        HeaderBlobs.entry(2, key("f32"), 14, new byte[] {0, 0, (byte) 0xC0, 0x3F}),
        HeaderBlobs.entry(2, key("f64"), 15, new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xF8, 0x3F}),
        HeaderBlobs.entry(1, key("raw"), 1, new byte[] {9, 8}),
        HeaderBlobs.entry(7, new byte[] {5, 0, 0, 0, 0, 0, 0, 0}, 2, key("numeric key")));

    Map<String, Object> headers = UserHeaders.decode(blob);

    assertThat(headers).containsEntry("s", "web").containsEntry("b", true).containsEntry("i8", (byte) -2)
        .containsEntry("i16", (short) 257).containsEntry("i32", 1).containsEntry("i64", -1L)
        .containsEntry("i128", BigInteger.valueOf(-2)).containsEntry("u8", (short) 255).containsEntry("u16", 65535)
        .containsEntry("u32", 4294967295L).containsEntry("u64", new BigInteger("18446744073709551615"))
        .containsEntry("u128", BigInteger.ONE).containsEntry("f32", 1.5f).containsEntry("f64", 1.5d)
        .containsEntry("5", "numeric key");
    assertThat((byte[]) headers.get("raw")).containsExactly(9, 8);
  }

  private static byte[] filled(int length, byte value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, value);
    return bytes;
  }

  @Test
  void aMalformedBlobIsRejectedWithWhatIsWrongAndWhere() {
    assertThatThrownBy(() -> UserHeaders.decode(HeaderBlobs.entry(2, key("n"), 6, new byte[] {1, 2, 3})))
        .isInstanceOf(UserHeaders.MalformedException.class)
        .hasMessage("header entry at byte 0 has a Int32 value of 3 bytes instead of 4");
    assertThatThrownBy(() -> UserHeaders.decode(HeaderBlobs.entry(2, key("n"), 99, new byte[] {1})))
        .hasMessage("header entry at byte 0 has the unknown kind 99");
    byte[] runsPastTheEnd = HeaderBlobs.entry(2, key("n"), 2, key("abc"));
    runsPastTheEnd[7] = 40;
    assertThatThrownBy(() -> UserHeaders.decode(concat(HeaderBlobs.of(Map.of("ok", "x")), runsPastTheEnd)))
        .hasMessage("header entry at byte 13 declares a value of 40 bytes but only 3 remain");
    assertThatThrownBy(() -> UserHeaders.decode(new byte[] {2, 1, 0}))
        .hasMessage("header entry at byte 0 ends inside its key length");
  }
}
