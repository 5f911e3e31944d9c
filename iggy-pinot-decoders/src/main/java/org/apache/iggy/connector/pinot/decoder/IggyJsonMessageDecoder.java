package org.apache.iggy.connector.pinot.decoder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.pinot.spi.data.readers.GenericRow;
import org.apache.pinot.spi.stream.StreamMessageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a JSON object payload into a row with one streaming pass, materialising only the fields Pinot reads
 * ({@code fieldsToRead}; all fields when it is empty). Values follow Pinot's JSON conventions (see
 * {@link JsonValueReader}); a requested field that is absent becomes null; when a key repeats, the last value wins.
 * A payload that is not one JSON object returns null, so Pinot drops and counts the row and moves on.
 */
public class IggyJsonMessageDecoder implements StreamMessageDecoder<byte[]> {
  private static final Logger LOG = LoggerFactory.getLogger(IggyJsonMessageDecoder.class);
  private static final JsonFactory JSON = new JsonFactory();
  /** One log line per this many malformed payloads. */
  static final long LOG_EVERY = 1000;

  private final MalformedPayloadLog _malformed = new MalformedPayloadLog(LOG, LOG_EVERY);
  private Set<String> _fieldsToRead = Set.of();
  private String _topicName;

  @Override
  public void init(Map<String, String> props, Set<String> fieldsToRead, String topicName) {
    _fieldsToRead = fieldsToRead == null ? Set.of() : Set.copyOf(fieldsToRead);
    _topicName = topicName;
  }

  @Override
  public GenericRow decode(byte[] payload, GenericRow destination) {
    return decode(payload, 0, payload.length, destination);
  }

  @Override
  public GenericRow decode(byte[] payload, int offset, int length, GenericRow destination) {
    try (JsonParser parser = JSON.createParser(payload, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        _malformed.dropped(_topicName, payload, offset, length, length == 0 ? "empty payload"
            : "not a JSON object");
        return null;
      }
      boolean readAll = _fieldsToRead.isEmpty();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (readAll || _fieldsToRead.contains(name)) {
          destination.putValue(name, JsonValueReader.read(parser));
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        _malformed.dropped(_topicName, payload, offset, length, "content after the JSON object");
        return null;
      }
    } catch (JsonProcessingException e) {
      _malformed.dropped(_topicName, payload, offset, length, e.getOriginalMessage());
      return null;
    } catch (IOException e) {
      _malformed.dropped(_topicName, payload, offset, length, e.getMessage());
      return null;
    }
    for (String field : _fieldsToRead) {
      if (!destination.getFieldToValueMap().containsKey(field)) {
        destination.putValue(field, null);
      }
    }
    return destination;
  }

  /** Malformed payloads dropped so far by this decoder. */
  long malformedCount() {
    return _malformed.count();
  }
}
