package org.apache.iggy.connector.pinot.decoder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.apache.pinot.spi.data.readers.GenericRow;

/**
 * Reads a payload into a row with Jackson's streaming parser, which accepts any JSON Jackson does and decides what
 * is malformed.
 */
final class JacksonRowReader {
  private static final JsonFactory JSON = new JsonFactory();

  private JacksonRowReader() {
  }

  /**
   * Puts the requested fields of the payload's JSON object into {@code destination}.
   *
   * @return null when the payload was one JSON object, otherwise why it is malformed
   */
  static String read(byte[] payload, int offset, int length, RequestedFields fields, GenericRow destination) {
    try (JsonParser parser = JSON.createParser(payload, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return length == 0 ? "empty payload" : "not a JSON object";
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (fields.includes(name)) {
          destination.putValue(name, JsonValueReader.read(parser));
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        return "content after the JSON object";
      }
    } catch (JsonProcessingException e) {
      return e.getOriginalMessage();
    } catch (IOException e) {
      return e.getMessage();
    }
    fields.putAbsentAsNull(destination, 0);
    return null;
  }
}
