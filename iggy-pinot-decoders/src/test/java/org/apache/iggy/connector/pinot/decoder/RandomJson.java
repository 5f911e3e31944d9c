package org.apache.iggy.connector.pinot.decoder;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Seeded random payloads for comparing the readers. Plain ones keep to the form {@link PlainJsonRowReader} reads;
 * the others add escapes, unusual numbers and whitespace, deep nesting and damaged bytes.
 */
final class RandomJson {
  /** Top-level names as they appear in JSON: among them the schema's, a hash collision, prefixes and escapes. */
  private static final String[] PLAIN_NAMES = {"userId", "eventType", "deviceId", "duration", "count", "timestamp",
      "Aa", "BB", "user", "userIds", "a", "", "ñame", "名前", "t😀", "sp ace", "del\u007f"};
  private static final String[] ESCAPED_NAMES = {"k\\u0065y", "q\\\"uote", "userI\\u0064", "tab\\t"};
  /** The names the tests request: the decoded names above, and one no payload has. */
  static final String[] REQUESTABLE = {"userId", "eventType", "duration", "timestamp", "Aa", "user", "", "ñame",
      "名前", "t😀", "key", "q\"uote", "absent", "del\u007f"};
  private static final String[] WHITESPACE = {"", "", "", " ", "\n", "\t", "\r\n  "};
  private static final String[] ESCAPES = {"\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\ud83d\\ude00", "\\ud800",
      "\\b", "\\f", "\\r", "\\t", "\\u0000"};
  private static final String[] ODD_TOKENS = {"tru", "nul", "+1", ".5", "1.", "1e", "01", "-", "NaN", "'s'", "1.5.3",
      "--1", "0x10", "{", "]", "\"open"};
  private static final byte[][] BAD_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};

  private final Random _random;
  private final boolean _plainOnly;

  RandomJson(long seed, boolean plainOnly) {
    _random = new Random(seed);
    _plainOnly = plainOnly;
  }

  byte[] payload() {
    StringBuilder json = new StringBuilder();
    ws(json);
    object(json, 0, true);
    ws(json);
    if (!_plainOnly && chance(20)) {
      json.append(" {\"b\":2}");
    }
    byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
    return _plainOnly || !chance(10) ? bytes : damage(bytes);
  }

  private void object(StringBuilder json, int depth, boolean top) {
    json.append('{');
    int members = _random.nextInt(top ? 9 : 4);
    for (int i = 0; i < members; i++) {
      if (i > 0) {
        json.append(',');
      }
      ws(json);
      json.append('"').append(name(top)).append('"');
      ws(json);
      json.append(':');
      ws(json);
      value(json, depth + 1);
      ws(json);
    }
    json.append('}');
  }

  private String name(boolean top) {
    if (!_plainOnly && chance(8)) {
      return ESCAPED_NAMES[_random.nextInt(ESCAPED_NAMES.length)];
    }
    return top || chance(2) ? PLAIN_NAMES[_random.nextInt(PLAIN_NAMES.length)] : plainText(1 + _random.nextInt(6));
  }

  private void value(StringBuilder json, int depth) {
    int kind = _random.nextInt(depth > 4 ? 6 : 8);
    switch (kind) {
      case 0, 1 -> json.append('"').append(string()).append('"');
      case 2 -> integer(json);
      case 3 -> decimal(json);
      case 4 -> json.append(new String[] {"true", "false", "null"}[_random.nextInt(3)]);
      case 5 -> {
        if (!_plainOnly && chance(6)) {
          json.append(ODD_TOKENS[_random.nextInt(ODD_TOKENS.length)]);
        } else {
          integer(json);
        }
      }
      case 6 -> object(json, depth, false);
      default -> array(json, depth);
    }
  }

  private void array(StringBuilder json, int depth) {
    if (chance(30)) {
      int levels = _plainOnly ? 10 + _random.nextInt(10) : 25 + _random.nextInt(15);
      json.append("[".repeat(levels)).append('1').append("]".repeat(levels));
      return;
    }
    json.append('[');
    int values = _random.nextInt(4);
    for (int i = 0; i < values; i++) {
      if (i > 0) {
        json.append(',');
      }
      ws(json);
      value(json, depth + 1);
      ws(json);
    }
    json.append(']');
  }

  private String string() {
    StringBuilder text = new StringBuilder(plainText(_random.nextInt(12)));
    if (chance(4)) {
      text.append(unicode());
    }
    if (!_plainOnly && chance(5)) {
      text.append(ESCAPES[_random.nextInt(ESCAPES.length)]);
    }
    if (!_plainOnly && chance(40)) {
      text.append((char) _random.nextInt(0x20));
    }
    if (!_plainOnly && chance(40)) {
      text.append('\uFFFD');
    }
    return text.toString();
  }

  private String plainText(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      char c = (char) (0x20 + _random.nextInt(0x60));
      text.append(c == '"' || c == '\\' ? 'x' : c);
    }
    return text.toString();
  }

  private String unicode() {
    int[] codePoints = {0xE9, 0x3B1, 0x65E5, 0x1F600, 0x10FFFF, 0xFFFF, 0x7FF, 0x800, 0x10000};
    return new String(Character.toChars(codePoints[_random.nextInt(codePoints.length)]));
  }

  private void integer(StringBuilder json) {
    if (chance(3)) {
      json.append('-');
    }
    int digits = 1 + _random.nextInt(chance(4) ? (_plainOnly ? 18 : 25) : 10);
    json.append(1 + _random.nextInt(9));
    for (int i = 1; i < digits; i++) {
      json.append(_random.nextInt(10));
    }
    if (chance(15)) {
      json.setLength(json.length() - digits);
      json.append(_plainOnly || chance(2) ? "0" : "9223372036854775807");
    }
  }

  private void decimal(StringBuilder json) {
    if (chance(3)) {
      json.append('-');
    }
    json.append(chance(3) ? "0" : String.valueOf(_random.nextInt(100000)));
    if (chance(4)) {
      json.append(chance(2) ? 'e' : 'E').append(new String[] {"", "+", "-"}[_random.nextInt(3)])
          .append(_random.nextInt(chance(10) ? 400 : 20));
      return;
    }
    json.append('.');
    int digits = 1 + _random.nextInt(chance(3) ? (_plainOnly ? 40 : 80) : 6);
    for (int i = 0; i < digits; i++) {
      json.append(_random.nextInt(10));
    }
    if (chance(5)) {
      json.append("e-").append(_random.nextInt(30));
    }
  }

  private void ws(StringBuilder json) {
    json.append(!_plainOnly && chance(300) ? "\f" : WHITESPACE[_random.nextInt(WHITESPACE.length)]);
  }

  private byte[] damage(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = bytes.length == 0 ? 0 : _random.nextInt(bytes.length);
    switch (_random.nextInt(4)) {
      case 0 -> out.write(bytes, 0, at);
      case 1 -> {
        out.write(bytes, 0, at);
        out.writeBytes(BAD_UTF8[_random.nextInt(BAD_UTF8.length)]);
        out.write(bytes, at, bytes.length - at);
      }
      case 2 -> {
        out.writeBytes(bytes);
        if (bytes.length > 0) {
          byte[] copy = out.toByteArray();
          copy[at] = (byte) _random.nextInt(256);
          return copy;
        }
      }
      default -> {
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(bytes);
      }
    }
    return out.toByteArray();
  }

  private boolean chance(int oneIn) {
    return _random.nextInt(oneIn) == 0;
  }
}
