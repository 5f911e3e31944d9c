package org.apache.iggy.connector.pinot.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.apache.pinot.spi.data.readers.GenericRow;
import org.junit.jupiter.api.Test;

/**
 * The plain reader may decline any payload, but a payload it reads must be one Jackson reads, into the same row; and
 * it must read every payload of the plain form.
 */
class PlainAndJacksonAgreeTest {
  private static final int PAYLOADS = 20_000;
  private static final Set<String> SOME = Set.of("userId", "duration", "Aa", "ñame", "key", "absent");

  @Test
  void everyPlainPayloadIsReadAsJacksonReadsIt() {
    for (Set<String> fields : fieldSets()) {
      RandomJson json = new RandomJson(7, true);
      Comparison comparison = new Comparison(fields);
      for (int i = 0; i < PAYLOADS; i++) {
        assertThat(comparison.compare(json.payload(), i)).as("plain payload %s read plainly", i).isTrue();
      }
    }
  }

  @Test
  void whatThePlainReaderReadsOfAnyPayloadJacksonReadsAlike() {
    for (Set<String> fields : fieldSets()) {
      RandomJson json = new RandomJson(11, false);
      Comparison comparison = new Comparison(fields);
      int read = 0;
      for (int i = 0; i < PAYLOADS; i++) {
        if (comparison.compare(json.payload(), i)) {
          read++;
        }
      }
      assertThat(comparison._jacksonRead).as("payloads Jackson reads").isBetween(PAYLOADS / 5, PAYLOADS * 4 / 5);
      assertThat(read).as("payloads read plainly").isBetween(PAYLOADS / 20, comparison._jacksonRead - 1);
    }
  }

  private static Iterable<Set<String>> fieldSets() {
    return Arrays.asList(Set.of(), SOME, Set.of(RandomJson.REQUESTABLE));
  }

  /** Reads payloads placed amid other bytes with both readers; the plain one keeps its field order across them. */
  private static final class Comparison {
    private final RequestedFields _fields;
    private final FieldOrder _order = new FieldOrder();
    private int _jacksonRead;

    Comparison(Set<String> fields) {
      _fields = RequestedFields.of(fields);
    }

    /** Whether the plain reader read the payload (the assertions hold either way). */
    boolean compare(byte[] payload, int index) {
      byte[] buffer = new byte[payload.length + 6];
      Arrays.fill(buffer, (byte) '}');
      System.arraycopy(payload, 0, buffer, 3, payload.length);
      String text = new String(payload, StandardCharsets.UTF_8);

      GenericRow byJackson = new GenericRow();
      String malformed = JacksonRowReader.read(buffer, 3, payload.length, _fields, byJackson);
      if (malformed == null) {
        _jacksonRead++;
      }
      GenericRow plainly = new GenericRow();
      boolean read = PlainJsonRowReader.read(buffer, 3, payload.length, _fields, _order, plainly);
      if (read) {
        assertThat(malformed).as("Jackson on payload %s: %s", index, text).isNull();
        Rows.assertSameRow(plainly, byJackson, text);
      }
      return read;
    }
  }
}
