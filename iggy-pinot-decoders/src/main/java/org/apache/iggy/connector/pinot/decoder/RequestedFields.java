package org.apache.iggy.connector.pinot.decoder;

import java.util.Set;
import org.apache.pinot.spi.data.readers.GenericRow;

/** The fields Pinot reads from each payload; an empty set means every field. */
final class RequestedFields {
  private final Set<String> _names;

  private RequestedFields(Set<String> names) {
    _names = names;
  }

  static RequestedFields of(Set<String> fieldsToRead) {
    return new RequestedFields(fieldsToRead == null ? Set.of() : Set.copyOf(fieldsToRead));
  }

  boolean all() {
    return _names.isEmpty();
  }

  boolean includes(String name) {
    return _names.isEmpty() || _names.contains(name);
  }

  /** Puts null for each requested field the row does not have. */
  void putAbsentAsNull(GenericRow row) {
    for (String name : _names) {
      if (!row.getFieldToValueMap().containsKey(name)) {
        row.putValue(name, null);
      }
    }
  }
}
