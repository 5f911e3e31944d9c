package org.apache.iggy.connector.pinot.decoder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.apache.pinot.spi.data.readers.GenericRow;

/**
 * The fields Pinot reads from each payload; an empty set means every field. A field is found by its name or, without
 * building a String per payload name, by the bytes of a plain name (see {@link PlainJsonRowReader}).
 */
final class RequestedFields {
  /** Fields in this many slots are marked seen in a long's bits; the row is asked about the others. */
  private static final int TRACKED_SLOTS = Long.SIZE;

  private final Set<String> _names;
  private final Field[] _slots;
  /** Open addressing by {@link #hash}, always with a free entry so a probe ends. */
  private final Field[] _table;

  /** One requested field; immutable, so decoders on several threads can share it. */
  static final class Field {
    final String _name;
    final byte[] _bytes;
    /** This field's bit in the seen mask, or 0 when the row must be asked. */
    final long _bit;

    private Field(String name, int slot) {
      _name = name;
      _bytes = name.getBytes(StandardCharsets.UTF_8);
      _bit = slot < TRACKED_SLOTS ? 1L << slot : 0;
    }
  }

  private RequestedFields(Set<String> names) {
    _names = names;
    _slots = new Field[names.size()];
    int tableSize = 2;
    while (tableSize < 2 * names.size()) {
      tableSize <<= 1;
    }
    _table = new Field[tableSize];
    int slot = 0;
    for (String name : names) {
      Field field = new Field(name, slot);
      _slots[slot++] = field;
      if (PlainJsonRowReader.isPlainName(name)) {
        int i = index(hash(field._bytes, 0, field._bytes.length));
        while (_table[i] != null) {
          i = next(i);
        }
        _table[i] = field;
      }
    }
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

  /** The requested field whose plain name is the UTF-8 {@code bytes} from {@code start}, or null. */
  Field find(byte[] bytes, int start, int length) {
    for (int i = index(hash(bytes, start, length)); _table[i] != null; i = next(i)) {
      Field field = _table[i];
      if (Arrays.equals(field._bytes, 0, field._bytes.length, bytes, start, start + length)) {
        return field;
      }
    }
    return null;
  }

  /** Length and end bytes: cheaper than hashing every byte, and enough to spread a schema's few names. */
  private static int hash(byte[] bytes, int start, int length) {
    return length == 0 ? 0 : (length * 31 + bytes[start]) * 31 + bytes[start + length - 1];
  }

  private int index(int hash) {
    return hash & (_table.length - 1);
  }

  private int next(int i) {
    return (i + 1) & (_table.length - 1);
  }

  /** Puts null for each requested field the row does not have; {@code seen} holds the bits of fields already put. */
  void putAbsentAsNull(GenericRow row, long seen) {
    for (Field field : _slots) {
      if ((seen & field._bit) == 0 && !row.getFieldToValueMap().containsKey(field._name)) {
        row.putValue(field._name, null);
      }
    }
  }
}
