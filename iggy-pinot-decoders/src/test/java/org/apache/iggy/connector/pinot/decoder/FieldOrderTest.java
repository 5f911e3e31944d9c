package org.apache.iggy.connector.pinot.decoder;

import static org.apache.iggy.connector.pinot.decoder.Rows.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pinot.spi.data.readers.GenericRow;
import org.junit.jupiter.api.Test;

class FieldOrderTest {
  private static GenericRow read(String json, RequestedFields fields, FieldOrder order) {
    GenericRow row = new GenericRow();
    assertThat(PlainJsonRowReader.read(utf8(json), 0, utf8(json).length, fields, order, row)).isTrue();
    return row;
  }

  @Test
  void aNameIsRecognisedOnlyWhenItEndsWhereTheRememberedOneDoes() {
    FieldOrder.Name name = new FieldOrder.Name(utf8("user"), "user", null);

    assertThat(name.isAt(utf8("user\":"), 0, 6)).isTrue();
    assertThat(name.isAt(utf8("userId\":"), 0, 8)).isFalse();
    assertThat(name.isAt(utf8("use\":"), 0, 5)).isFalse();
    assertThat(name.isAt(utf8("user"), 0, 4)).as("no closing quote within the payload").isFalse();
    assertThat(name.isAt(utf8("user\""), 0, 4)).as("the quote lies past the payload's end").isFalse();
  }

  @Test
  void payloadsInAnotherOrderReadAsCorrectlyAsTheFirst() {
    RequestedFields fields = RequestedFields.of(Set.of("a", "c"));
    FieldOrder order = new FieldOrder();

    assertThat(read("{\"a\":1,\"b\":2,\"c\":3}", fields, order).getFieldToValueMap())
        .containsOnly(Map.entry("a", 1), Map.entry("c", 3));
    assertThat(read("{\"c\":4,\"a\":5,\"b\":6}", fields, order).getFieldToValueMap())
        .containsOnly(Map.entry("a", 5), Map.entry("c", 4));
    assertThat(read("{\"b\":7,\"c\":8}", fields, order).getFieldToValueMap())
        .containsOnly(entry("a", null), Map.entry("c", 8));
    assertThat(read("{\"a\":9,\"b\":2,\"c\":3}", fields, order).getFieldToValueMap())
        .containsOnly(Map.entry("a", 9), Map.entry("c", 3));
  }

  @Test
  void readingEveryFieldNamesThemFromTheRememberedOrder() {
    RequestedFields all = RequestedFields.of(Set.of());
    FieldOrder order = new FieldOrder();
    read("{\"a\":1,\"b\":2}", all, order);

    assertThat(read("{\"b\":3,\"a\":4}", all, order).getFieldToValueMap())
        .containsOnly(Map.entry("a", 4), Map.entry("b", 3));
    assertThat(read("{\"b\":5,\"a\":6}", all, order).getFieldToValueMap())
        .containsOnly(Map.entry("a", 6), Map.entry("b", 5));
  }

  @Test
  void namesBeyondTheRememberedPositionsAreStillRead() {
    int count = FieldOrder.MAX_POSITIONS + 10;
    String json = IntStream.range(0, count).mapToObj(i -> "\"f" + i + "\":" + i)
        .collect(Collectors.joining(",", "{", "}"));
    RequestedFields fields = RequestedFields.of(Set.of("f0", "f" + (count - 1)));
    FieldOrder order = new FieldOrder();

    for (int pass = 0; pass < 2; pass++) {
      assertThat(read(json, fields, order).getFieldToValueMap())
          .containsOnly(Map.entry("f0", 0), Map.entry("f" + (count - 1), count - 1));
      assertThat(read(json, RequestedFields.of(Set.of()), new FieldOrder()).getFieldToValueMap()).hasSize(count);
    }
  }
}
