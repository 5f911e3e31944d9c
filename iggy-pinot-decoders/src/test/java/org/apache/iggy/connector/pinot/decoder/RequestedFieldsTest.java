package org.apache.iggy.connector.pinot.decoder;

import static org.apache.iggy.connector.pinot.decoder.Rows.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.pinot.spi.data.readers.GenericRow;
import org.junit.jupiter.api.Test;

class RequestedFieldsTest {
  private static RequestedFields.Field find(RequestedFields fields, String name) {
    byte[] bytes = utf8("xx" + name + "yy");
    return fields.find(bytes, 2, bytes.length - 4);
  }

  @Test
  void findsANameByItsBytesOnlyWhenAllOfThemMatch() {
    // "Aa" and "BB" share a String hash; "abcd" and "axxd" share length and end bytes.
    RequestedFields fields = RequestedFields.of(Set.of("Aa", "abcd", "user", ""));

    assertThat(find(fields, "Aa")._name).isEqualTo("Aa");
    assertThat(find(fields, "BB")).isNull();
    assertThat(find(fields, "abcd")._name).isEqualTo("abcd");
    assertThat(find(fields, "axxd")).isNull();
    assertThat(find(fields, "userId")).isNull();
    assertThat(find(fields, "use")).isNull();
    assertThat(find(fields, "")._name).isEmpty();
  }

  @Test
  void findsNamesOfAnyScriptByTheirUtf8Bytes() {
    RequestedFields fields = RequestedFields.of(Set.of("ñame", "名前", "t😀"));

    assertThat(find(fields, "ñame")._name).isEqualTo("ñame");
    assertThat(find(fields, "名前")._name).isEqualTo("名前");
    assertThat(find(fields, "t😀")._name).isEqualTo("t😀");
    assertThat(find(fields, "name")).isNull();
  }

  @Test
  void aNameThatCannotBePlainIsNeverFoundByBytes() {
    RequestedFields fields = RequestedFields.of(Set.of("q\"uote", "lone\ud800", "tab\t"));

    assertThat(find(fields, "q\"uote")).isNull();
    assertThat(find(fields, "lone?")).as("what the lone surrogate encodes to").isNull();
    assertThat(find(fields, "tab\t")).isNull();
    assertThat(fields.includes("q\"uote")).isTrue();
  }

  @Test
  void manyFieldsAreAllFoundAndThoseNotSeenArePutAsNull() {
    Set<String> names = new HashSet<>();
    IntStream.range(0, 100).forEach(i -> names.add("field" + i));
    RequestedFields fields = RequestedFields.of(names);
    GenericRow row = new GenericRow();
    long seen = 0;
    for (String name : names) {
      RequestedFields.Field field = find(fields, name);
      assertThat(field._name).isEqualTo(name);
      if (!name.equals("field7") && !name.equals("field93")) {
        row.putValue(name, 1);
        seen |= field._bit;
      }
    }

    fields.putAbsentAsNull(row, seen);

    assertThat(row.getFieldToValueMap()).hasSize(100).containsEntry("field7", null).containsEntry("field93", null)
        .containsEntry("field50", 1);
  }

  @Test
  void aFieldAlreadyInTheRowIsNotOverwrittenWithNull() {
    GenericRow row = new GenericRow();
    row.putValue("kept", "before");

    RequestedFields.of(Set.of("kept", "absent")).putAbsentAsNull(row, 0);

    assertThat(row.getFieldToValueMap()).containsOnly(Map.entry("kept", "before"), entry("absent", null));
  }
}
