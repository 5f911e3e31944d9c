package org.apache.iggy.connector.pinot.decoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pinot.spi.data.readers.GenericRow;

/**
 * Reads a row straight from the payload's bytes when its JSON keeps to the plain form nearly every event has: names
 * and strings of valid UTF-8 without escapes, integers of up to 18 digits, numbers of up to 64 characters, nesting up
 * to 32 levels. It declines anything else, every syntax error included, and the caller then reads the
 * payload with Jackson. Declining can leave some fields put; Jackson puts those again with equal values, because the
 * plain form is a subset of JSON read by the same rules as {@link JsonValueReader}. One instance reads one payload.
 */
final class PlainJsonRowReader {
  /** Deeper nesting is left to Jackson, whose limit is far higher. */
  private static final int MAX_DEPTH = 32;
  /** Longer names and strings are left to Jackson, whose limits are higher. */
  private static final int MAX_TEXT_BYTES = 32 * 1024;
  /** Longer numbers are left to Jackson, whose limit is higher. */
  private static final int MAX_NUMBER_BYTES = 64;
  /** Integers of up to this many digits fit a long. */
  private static final int MAX_LONG_DIGITS = 18;
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  /** Returned instead of a value when the payload is not plain; a skipped value is returned as null. */
  private static final Object DECLINED = new Object();

  private final byte[] _in;
  private final int _end;
  private int _pos;
  /** The bounds of the text last scanned by {@link #text()}, and its String when it is not ASCII. */
  private int _textStart;
  private int _textLength;
  private String _textString;

  private PlainJsonRowReader(byte[] payload, int offset, int length) {
    _in = payload;
    _pos = offset;
    _end = offset + length;
  }

  /** Whether a payload can hold this name as a plain string, whose UTF-8 bytes are then exactly the name's. */
  static boolean isPlainName(String name) {
    if (!name.chars().allMatch(c -> c >= 0x20 && c != '"' && c != '\\')) {
      return false;
    }
    return new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(name);
  }

  /**
   * Puts the requested fields of a plain JSON object payload into {@code destination}, and null for those absent.
   *
   * @param order the decoder's memory of where names were, updated as names are found elsewhere
   * @return false when the payload is not plain JSON and has to be read by Jackson
   */
  static boolean read(byte[] payload, int offset, int length, RequestedFields fields, FieldOrder order,
      GenericRow destination) {
    return new PlainJsonRowReader(payload, offset, length).row(fields, order, destination);
  }

  private boolean row(RequestedFields fields, FieldOrder order, GenericRow destination) {
    skipWhitespace();
    if (!consume('{')) {
      return false;
    }
    long seen = 0;
    skipWhitespace();
    if (!consume('}')) {
      int position = 0;
      do {
        skipWhitespace();
        if (!consume('"')) {
          return false;
        }
        FieldOrder.Name name = order.at(position);
        if (name != null && name.isAt(_in, _pos, _end)) {
          _pos += name._bytes.length + 1;
        } else {
          if (!text()) {
            return false;
          }
          name = learn(fields, order, position);
        }
        position++;
        if (!colon()) {
          return false;
        }
        boolean keep = fields.all() || name._field != null;
        Object value = value(1, keep);
        if (value == DECLINED) {
          return false;
        }
        if (fields.all()) {
          destination.putValue(name._string, value);
        } else if (keep) {
          destination.putValue(name._field._name, value);
          seen |= name._field._bit;
        }
        skipWhitespace();
      } while (consume(','));
      if (!consume('}')) {
        return false;
      }
    }
    skipWhitespace();
    if (_pos != _end) {
      return false;
    }
    fields.putAbsentAsNull(destination, seen);
    return true;
  }

  /** Remembers the text just scanned as the name at this position. */
  private FieldOrder.Name learn(RequestedFields fields, FieldOrder order, int position) {
    FieldOrder.Name name = new FieldOrder.Name(Arrays.copyOfRange(_in, _textStart, _textStart + _textLength),
        fields.all() ? textString() : null,
        fields.all() ? null : fields.find(_in, _textStart, _textLength));
    order.learn(position, name);
    return name;
  }

  /** Reads the colon after a member's name with the whitespace around it. */
  private boolean colon() {
    skipWhitespace();
    if (!consume(':')) {
      return false;
    }
    skipWhitespace();
    return true;
  }

  /** Reads the value at the position; {@code keep} false validates and skips it. */
  private Object value(int depth, boolean keep) {
    if (_pos == _end) {
      return DECLINED;
    }
    switch (_in[_pos]) {
      case '"':
        _pos++;
        if (!text()) {
          return DECLINED;
        }
        return keep ? textString() : null;
      case '{':
        return object(depth + 1, keep);
      case '[':
        return array(depth + 1, keep);
      case 't':
        return literal(TRUE, Boolean.TRUE);
      case 'f':
        return literal(FALSE, Boolean.FALSE);
      case 'n':
        return literal(NULL, null);
      default:
        return number(keep);
    }
  }

  private Object object(int depth, boolean keep) {
    if (depth > MAX_DEPTH) {
      return DECLINED;
    }
    _pos++;
    Map<String, Object> map = keep ? new LinkedHashMap<>() : null;
    skipWhitespace();
    if (consume('}')) {
      return map;
    }
    do {
      skipWhitespace();
      if (!consume('"') || !text() || !colon()) {
        return DECLINED;
      }
      String name = keep ? textString() : null;
      Object value = value(depth, keep);
      if (value == DECLINED) {
        return DECLINED;
      }
      if (keep) {
        map.put(name, value);
      }
      skipWhitespace();
    } while (consume(','));
    return consume('}') ? map : DECLINED;
  }

  private Object array(int depth, boolean keep) {
    if (depth > MAX_DEPTH) {
      return DECLINED;
    }
    _pos++;
    List<Object> values = keep ? new ArrayList<>() : null;
    skipWhitespace();
    if (!consume(']')) {
      do {
        skipWhitespace();
        Object value = value(depth, keep);
        if (value == DECLINED) {
          return DECLINED;
        }
        if (keep) {
          values.add(value);
        }
        skipWhitespace();
      } while (consume(','));
      if (!consume(']')) {
        return DECLINED;
      }
    }
    return keep ? values.toArray() : null;
  }

  private Object literal(byte[] word, Object value) {
    if (_end - _pos < word.length || !Arrays.equals(_in, _pos, _pos + word.length, word, 0, word.length)) {
      return DECLINED;
    }
    _pos += word.length;
    return value;
  }

  /** Reads a number by JSON's grammar; what follows it is checked by the caller, as for any value. */
  private Object number(boolean keep) {
    int start = _pos;
    int i = start < _end && _in[start] == '-' ? start + 1 : start;
    int digitsStart = i;
    long integer = 0;
    // Past 18 digits the sum wraps, harmlessly: such an integer is declined and a decimal is parsed from its text.
    for (; i < _end && _in[i] >= '0' && _in[i] <= '9'; i++) {
      integer = integer * 10 + (_in[i] - '0');
    }
    int digits = i - digitsStart;
    if (digits == 0 || digits > 1 && _in[digitsStart] == '0') {
      return DECLINED;
    }
    boolean decimal = false;
    if (i < _end && _in[i] == '.') {
      i = afterDigits(i + 1);
      if (i < 0) {
        return DECLINED;
      }
      decimal = true;
    }
    if (i < _end && (_in[i] == 'e' || _in[i] == 'E')) {
      i++;
      if (i < _end && (_in[i] == '+' || _in[i] == '-')) {
        i++;
      }
      i = afterDigits(i);
      if (i < 0) {
        return DECLINED;
      }
      decimal = true;
    }
    int length = i - start;
    if (length > MAX_NUMBER_BYTES || !decimal && digits > MAX_LONG_DIGITS) {
      return DECLINED;
    }
    _pos = i;
    if (!keep) {
      return null;
    }
    if (decimal) {
      String text = ascii(start, length);
      return JsonValueReader.decimal(text, Double.parseDouble(text));
    }
    long value = digitsStart == start ? integer : -integer;
    return value == (int) value ? (Object) (int) value : (Object) value;
  }

  /** The position after one or more digits at {@code i}, or -1 when there is no digit there. */
  private int afterDigits(int i) {
    int start = i;
    while (i < _end && _in[i] >= '0' && _in[i] <= '9') {
      i++;
    }
    return i > start ? i : -1;
  }

  /**
   * Scans a plain string after its opening quote and past its closing quote, recording its bounds.
   *
   * @return false when the string has an escape or a control character, is not valid UTF-8, is too long or does not
   *     end
   */
  private boolean text() {
    int start = _pos;
    int limit = _end - start > MAX_TEXT_BYTES ? start + MAX_TEXT_BYTES : _end;
    boolean ascii = true;
    for (int i = start; i < limit; i++) {
      byte b = _in[i];
      if (b == '"') {
        _textStart = start;
        _textLength = i - start;
        _pos = i + 1;
        _textString = ascii ? null : utf8(start, _textLength);
        return ascii || _textString != null;
      }
      if (b < 0x20 || b == '\\') {
        if (b >= 0) {
          return false;
        }
        ascii = false;
      }
    }
    return false;
  }

  /**
   * The text as a String, or null unless it is valid UTF-8. Java's decoder puts U+FFFD for each invalid sequence; a
   * U+FFFD that the payload really holds is declined too, which costs only time.
   */
  private String utf8(int start, int length) {
    String text = new String(_in, start, length, StandardCharsets.UTF_8);
    return text.indexOf('\uFFFD') < 0 ? text : null;
  }

  private String textString() {
    return _textString != null ? _textString : ascii(_textStart, _textLength);
  }

  /** ASCII bytes decode alike in Latin-1 and UTF-8, and Latin-1 decoding is a plain copy. */
  private String ascii(int start, int length) {
    return new String(_in, start, length, StandardCharsets.ISO_8859_1);
  }

  private void skipWhitespace() {
    // Whitespace is at most ' '; anything above ends it with one comparison.
    while (_pos < _end && _in[_pos] <= ' '
        && (_in[_pos] == ' ' || _in[_pos] == '\n' || _in[_pos] == '\r' || _in[_pos] == '\t')) {
      _pos++;
    }
  }

  private boolean consume(char c) {
    if (_pos < _end && _in[_pos] == c) {
      _pos++;
      return true;
    }
    return false;
  }
}
