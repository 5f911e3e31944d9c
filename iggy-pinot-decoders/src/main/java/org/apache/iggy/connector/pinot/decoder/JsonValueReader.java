package org.apache.iggy.connector.pinot.decoder;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value from a streaming parser into the Java values Pinot's record extractors produce: objects as
 * {@code Map<String, Object>}, arrays as multi-value {@code Object[]}, integers as Integer, Long or BigInteger by
 * size, decimals as Double unless that would lose digits (then BigDecimal), booleans, strings and null.
 */
final class JsonValueReader {
  /** Decimals this short always survive a round trip through double. */
  private static final int EXACT_DOUBLE_TEXT_LENGTH = 15;

  private JsonValueReader() {
  }

  /** Reads the value at the parser's current token, leaving the parser on its last token. */
  static Object read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        return readObject(parser);
      case START_ARRAY:
        return readArray(parser);
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return readDecimal(parser);
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected JSON token " + token);
    }
  }

  private static Map<String, Object> readObject(JsonParser parser) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      map.put(name, read(parser));
    }
    return map;
  }

  private static Object[] readArray(JsonParser parser) throws IOException {
    List<Object> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      values.add(read(parser));
    }
    return values.toArray();
  }

  private static Object readDecimal(JsonParser parser) throws IOException {
    return decimal(parser.getText(), parser.getDoubleValue());
  }

  /** The value of a decimal with this text and double value: the double, unless that loses digits of the text. */
  static Object decimal(String text, double value) {
    if (text.length() <= EXACT_DOUBLE_TEXT_LENGTH) {
      return value;
    }
    BigDecimal exact = new BigDecimal(text);
    if (!Double.isInfinite(value) && exact.compareTo(BigDecimal.valueOf(value)) == 0) {
      return value;
    }
    return exact;
  }
}
