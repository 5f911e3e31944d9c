package org.apache.iggy.connector.pinot.decoder;

import static org.apache.iggy.connector.pinot.decoder.Rows.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.apache.pinot.spi.data.readers.GenericRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainJsonRowReaderTest {
  private static final String EVENT = "{\"userId\": \"user123\", \"eventType\": \"page_view\", \"deviceId\": "
      + "\"device456\", \"duration\": 1500, \"count\": 1, \"timestamp\": 1701234567890}";

  private static GenericRow read(String json, Set<String> fields) {
    GenericRow row = new GenericRow();
    return PlainJsonRowReader.read(utf8(json), 0, utf8(json).length, RequestedFields.of(fields), new FieldOrder(), row)
        ? row : null;
  }

  @Test
  void readsTheReferenceEvent() {
    GenericRow row = read(EVENT, Set.of());

    assertThat(row.getFieldToValueMap()).containsOnly(Map.entry("userId", "user123"),
        Map.entry("eventType", "page_view"), Map.entry("deviceId", "device456"), Map.entry("duration", 1500),
        Map.entry("count", 1), Map.entry("timestamp", 1701234567890L));
  }

  @Test
  void readsTheRequestedFieldsAndSkipsTheRest() {
    GenericRow row = read("{\"skip\":{\"a\":[1,{\"b\":\"c\"}],\"d\":-1.5e3},\"userId\":\"u\",\"n\":null}",
        Set.of("userId", "absent"));

    assertThat(row.getFieldToValueMap()).containsOnly(Map.entry("userId", "u"), entry("absent", null));
  }

  @Test
  void readsValidUtf8AsItsText() {
    GenericRow row = read("{\"ñame\":\"Zoë 日本 😀\",\"del\":\"\u007f\"}", Set.of());

    assertThat(row.getValue("ñame")).isEqualTo("Zoë 日本 😀");
    assertThat(row.getValue("del")).isEqualTo("\u007f");
  }

  @Test
  void integersAndDecimalsFollowJacksonsTypes() {
    GenericRow row = read("{\"i\":2147483647,\"l\":2147483648,\"n\":-2147483648,\"m\":-2147483649,"
        + "\"max\":999999999999999999,\"z\":-0,\"d\":1.5,\"e\":1E2,\"precise\":0.12345678901234567890123}", Set.of());

    assertThat(row.getValue("i")).isEqualTo(Integer.MAX_VALUE);
    assertThat(row.getValue("l")).isEqualTo(2147483648L);
    assertThat(row.getValue("n")).isEqualTo(Integer.MIN_VALUE);
    assertThat(row.getValue("m")).isEqualTo(-2147483649L);
    assertThat(row.getValue("max")).isEqualTo(999999999999999999L);
    assertThat(row.getValue("z")).isEqualTo(0);
    assertThat(row.getValue("d")).isEqualTo(1.5);
    assertThat(row.getValue("e")).isEqualTo(100.0);
    assertThat(row.getValue("precise")).isEqualTo(new BigDecimal("0.12345678901234567890123"));
  }

  /** Each is valid JSON outside the plain form, or not JSON; Jackson decides. */
  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":\"line\\nbreak\"}", "{\"k\\u0065y\":1}", "{\"a\":\"tab\tin\"}",
      "{\"a\":1234567890123456789}", "{\"a\":1.00000000000000000000000000000000000000000000000000000000000000001}",
      "{\"a\":\"\uFFFD\"}", "\uFEFF{\"a\":1}", "", " ", "[1]", "{\"a\":1", "{\"a\":1,}", "{\"a\":01}",
      "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":1e}", "{\"a\":tru}", "{\"a\":truex}", "{\"a\" 1}",
      "{\"a\":1}x", "{\"a\":1} {}", "{\"a\":[1,]}", "{\"a\":{\"b\":1,}}", "{'a':1}", "{a:1}", "{\"a\":1}\f",
      "{\"a\":\"open}", "{\"a\":-}", "{\"a\":NaN}", "{\"a\":[1 2]}", "{\"a\":{\"b\"}}"})
  void declinesWhatIsNotPlain(String json) {
    assertThat(read(json, Set.of())).isNull();
    assertThat(read(json, Set.of("other"))).as("also when the value is skipped").isNull();
  }

  @Test
  void declinesInvalidUtf8() {
    byte[][] invalid = {{(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF8, 0x41}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}};
    for (byte[] bytes : invalid) {
      byte[] payload = new byte[bytes.length + 8];
      System.arraycopy(utf8("{\"a\":\""), 0, payload, 0, 6);
      System.arraycopy(bytes, 0, payload, 6, bytes.length);
      payload[6 + bytes.length] = '"';
      payload[7 + bytes.length] = '}';

      assertThat(PlainJsonRowReader.read(payload, 0, payload.length, RequestedFields.of(Set.of("other")),
          new FieldOrder(), new GenericRow())).isFalse();
    }
  }

  @Test
  void nestingIsBounded() {
    String within = "{\"a\":" + "[".repeat(31) + "1" + "]".repeat(31) + "}";
    String beyond = "{\"a\":" + "[".repeat(32) + "1" + "]".repeat(32) + "}";

    assertThat(read(within, Set.of())).isNotNull();
    assertThat(read(beyond, Set.of())).isNull();
    assertThat(read(beyond, Set.of("other"))).isNull();
  }

  @Test
  void longTextIsLeftToJackson() {
    assertThat(read("{\"a\":\"" + "x".repeat(32 * 1024 - 1) + "\"}", Set.of())).isNotNull();
    assertThat(read("{\"a\":\"" + "x".repeat(32 * 1024) + "\"}", Set.of())).isNull();
  }

  @Test
  void readsOnlyItsOwnPartOfTheBuffer() {
    byte[] buffer = utf8("{\"a\":1}{\"id\":42} trailing");

    GenericRow row = new GenericRow();
    assertThat(PlainJsonRowReader.read(buffer, 7, 9, RequestedFields.of(Set.of()), new FieldOrder(), row)).isTrue();
    assertThat(row.getFieldToValueMap()).containsExactly(Map.entry("id", 42));
    assertThat(PlainJsonRowReader.read(buffer, 7, 8, RequestedFields.of(Set.of()), new FieldOrder(),
        new GenericRow())).as("the object cut short").isFalse();
  }

  @Test
  void duplicateKeysKeepTheLastValue() {
    assertThat(read("{\"a\":1,\"b\":{\"c\":1,\"c\":2},\"a\":3}", Set.of()).getFieldToValueMap())
        .containsOnly(Map.entry("a", 3), Map.entry("b", Map.of("c", 2)));
  }
}
