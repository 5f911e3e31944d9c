package org.apache.iggy.connector.pinot.config;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A stream or topic as the user named it: a numeric id when the value is all digits, otherwise a name.
 *
 * @param name the name, or null when the value is numeric
 * @param numericId the numeric id, or -1 when the value is a name
 */
public record IggyResourceId(String name, long numericId) {
  private static final long MAX_U32 = 0xFFFF_FFFFL;
  private static final int MAX_NAME_BYTES = 255;

  public IggyResourceId {
    if ((name == null) == (numericId < 0)) {
      throw new IllegalArgumentException("exactly one of name or numeric id must be set");
    }
  }

  /**
   * Parses a configured value.
   *
   * @throws IllegalArgumentException when the value is blank, a number above 2^32-1, or a name over 255 bytes
   */
  public static IggyResourceId parse(String value) {
    Objects.requireNonNull(value, "value");
    String trimmed = value.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("must not be empty");
    }
    if (trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      long id;
      try {
        id = Long.parseLong(trimmed);
      } catch (NumberFormatException e) {
        id = Long.MAX_VALUE;
      }
      if (id > MAX_U32) {
        throw new IllegalArgumentException("numeric id " + trimmed + " is above 4294967295");
      }
      return new IggyResourceId(null, id);
    }
    if (trimmed.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      throw new IllegalArgumentException("name is longer than 255 bytes");
    }
    return new IggyResourceId(trimmed, -1);
  }

  public boolean isNumeric() {
    return name == null;
  }

  @Override
  public String toString() {
    return isNumeric() ? "#" + numericId : "'" + name + "'";
  }
}
