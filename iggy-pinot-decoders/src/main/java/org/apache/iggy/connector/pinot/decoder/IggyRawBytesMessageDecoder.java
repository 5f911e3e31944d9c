package org.apache.iggy.connector.pinot.decoder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.apache.pinot.spi.data.readers.GenericRow;
import org.apache.pinot.spi.stream.StreamMessageDecoder;

/**
 * Puts the whole payload into one column: as BYTES (default) or, with decoder property {@code format=string}, as a
 * UTF-8 STRING. The column is named by decoder property {@code column.name} (default {@code payload}). In a table
 * config the properties are {@code stream.<type>.decoder.prop.column.name} and {@code stream.<type>.decoder.prop.format}.
 */
public class IggyRawBytesMessageDecoder implements StreamMessageDecoder<byte[]> {
  public static final String COLUMN_NAME_PROP = "column.name";
  public static final String FORMAT_PROP = "format";
  public static final String DEFAULT_COLUMN_NAME = "payload";

  private String _column = DEFAULT_COLUMN_NAME;
  private boolean _asString;

  @Override
  public void init(Map<String, String> props, Set<String> fieldsToRead, String topicName) {
    Map<String, String> properties = props == null ? Map.of() : props;
    String column = properties.get(COLUMN_NAME_PROP);
    if (column != null) {
      if (column.isBlank()) {
        throw new IllegalArgumentException("Decoder property '" + COLUMN_NAME_PROP + "' (stream.<type>.decoder.prop."
            + COLUMN_NAME_PROP + ") must not be blank (allowed: a column name of the schema)");
      }
      _column = column.trim();
    }
    String format = properties.getOrDefault(FORMAT_PROP, "bytes").trim();
    if (!format.equalsIgnoreCase("bytes") && !format.equalsIgnoreCase("string")) {
      throw new IllegalArgumentException("Decoder property '" + FORMAT_PROP + "' (stream.<type>.decoder.prop."
          + FORMAT_PROP + ") is '" + format + "' (allowed: bytes, string)");
    }
    _asString = format.equalsIgnoreCase("string");
  }

  @Override
  public GenericRow decode(byte[] payload, GenericRow destination) {
    return decode(payload, 0, payload.length, destination);
  }

  @Override
  public GenericRow decode(byte[] payload, int offset, int length, GenericRow destination) {
    destination.putValue(_column, _asString ? new String(payload, offset, length, StandardCharsets.UTF_8)
        : Arrays.copyOfRange(payload, offset, offset + length));
    return destination;
  }
}
