package org.apache.iggy.connector.pinot.decoder;

import java.util.Map;
import java.util.Set;
import org.apache.pinot.spi.data.readers.GenericRow;
import org.apache.pinot.spi.stream.StreamMessageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a JSON object payload into a row with one pass, materialising only the fields Pinot reads
 * ({@code fieldsToRead}; all fields when it is empty). Values follow Pinot's JSON conventions (see
 * {@link JsonValueReader}); a requested field that is absent becomes null; when a key repeats, the last value wins.
 * A payload that is not one JSON object returns null, so Pinot drops and counts the row and moves on.
 *
 * <p>Plain payloads (see {@link PlainJsonRowReader}) are read straight from their bytes; any other payload is read
 * by Jackson, which alone decides what is malformed. Pinot uses one instance per consuming segment from one thread;
 * an instance used from several threads at once still decodes every payload correctly.
 */
public class IggyJsonMessageDecoder implements StreamMessageDecoder<byte[]> {
  private static final Logger LOG = LoggerFactory.getLogger(IggyJsonMessageDecoder.class);
  /** One log line per this many malformed payloads. */
  static final long LOG_EVERY = 1000;

  private final MalformedPayloadLog _malformed = new MalformedPayloadLog(LOG, LOG_EVERY);
  private final PlainReaderGate _gate = new PlainReaderGate();
  private RequestedFields _fields = RequestedFields.of(Set.of());
  private FieldOrder _order = new FieldOrder();
  private String _topicName;

  @Override
  public void init(Map<String, String> props, Set<String> fieldsToRead, String topicName) {
    _fields = RequestedFields.of(fieldsToRead);
    _order = new FieldOrder();
    _topicName = topicName;
  }

  @Override
  public GenericRow decode(byte[] payload, GenericRow destination) {
    return decode(payload, 0, payload.length, destination);
  }

  @Override
  public GenericRow decode(byte[] payload, int offset, int length, GenericRow destination) {
    if (_gate.tryPlain()) {
      if (PlainJsonRowReader.read(payload, offset, length, _fields, _order, destination)) {
        _gate.plainRead();
        return destination;
      }
      _gate.plainDeclined();
    }
    String malformed = JacksonRowReader.read(payload, offset, length, _fields, destination);
    if (malformed != null) {
      _malformed.dropped(_topicName, payload, offset, length, malformed);
      return null;
    }
    return destination;
  }

  /** Malformed payloads dropped so far by this decoder. */
  long malformedCount() {
    return _malformed.count();
  }
}
