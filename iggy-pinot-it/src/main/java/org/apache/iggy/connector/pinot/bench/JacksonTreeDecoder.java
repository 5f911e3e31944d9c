package org.apache.iggy.connector.pinot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.pinot.spi.data.readers.GenericRow;
import org.apache.pinot.spi.stream.StreamMessageDecoder;

/**
 * The decoder baseline: Jackson's tree model ({@code ObjectMapper.readTree}), then the requested fields into the
 * row as Pinot's JSON record extractor types them (text as String, numbers as their Java number, nested values as
 * JSON text). A payload that is not JSON gives null, as our decoder does.
 */
final class JacksonTreeDecoder implements StreamMessageDecoder<byte[]> {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private String[] _fields = new String[0];

  @Override
  public void init(Map<String, String> props, Set<String> fieldsToRead, String topicName) {
    _fields = fieldsToRead.toArray(new String[0]);
  }

  @Override
  public GenericRow decode(byte[] payload, GenericRow destination) {
    return decode(payload, 0, payload.length, destination);
  }

  @Override
  public GenericRow decode(byte[] payload, int offset, int length, GenericRow destination) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(payload, offset, length);
    } catch (IOException e) {
      return null;
    }
    if (tree == null || !tree.isObject()) {
      return null;
    }
    for (String field : _fields) {
      destination.putValue(field, value(tree.get(field)));
    }
    return destination;
  }

  private static Object value(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.toString();
  }
}
