package org.apache.iggy.connector.pinot.decoder;

import java.util.Arrays;

/**
 * Remembers the top-level names of recent payloads by position, so that a payload laid out like the one before finds
 * each name with one comparison of bytes instead of scanning, looking up or building it. Payloads laid out otherwise
 * are read as correctly, only without the shortcut. Entries are immutable, so a decoder used from two threads at
 * once can at worst lose what one of them learned.
 */
final class FieldOrder {
  /** Names beyond this position are not remembered. */
  static final int MAX_POSITIONS = 64;

  private final Name[] _names = new Name[MAX_POSITIONS];

  /** A plain top-level name with what the decoder does with it. */
  static final class Name {
    final byte[] _bytes;
    /** The name as a String when every field is read, else null. */
    final String _string;
    /** The requested field of this name, or null when every field is read or this one is not requested. */
    final RequestedFields.Field _field;

    Name(byte[] bytes, String string, RequestedFields.Field field) {
      _bytes = bytes;
      _string = string;
      _field = field;
    }

    /** Whether {@code in} holds this name followed by its closing quote at {@code start}. */
    boolean isAt(byte[] in, int start, int end) {
      int close = start + _bytes.length;
      return close < end && in[close] == '"' && Arrays.equals(in, start, close, _bytes, 0, _bytes.length);
    }
  }

  /** The name last seen at this position, or null. */
  Name at(int position) {
    return position < MAX_POSITIONS ? _names[position] : null;
  }

  void learn(int position, Name name) {
    if (position < MAX_POSITIONS) {
      _names[position] = name;
    }
  }
}
