package org.apache.iggy.connector.pinot.client;

/**
 * Where a poll starts: at an offset, at the first retained message, or at the first message stored at or after a
 * server timestamp.
 *
 * @param kind the polling strategy
 * @param value the offset, or the timestamp in microseconds since the epoch; 0 for {@link Kind#FIRST}
 */
public record PollStart(Kind kind, long value) {
  /** Polling strategies the connector uses. */
  public enum Kind { OFFSET, FIRST, TIMESTAMP }

  public static PollStart offset(long offset) {
    return new PollStart(Kind.OFFSET, offset);
  }

  public static PollStart first() {
    return new PollStart(Kind.FIRST, 0);
  }

  public static PollStart timestampMicros(long micros) {
    return new PollStart(Kind.TIMESTAMP, micros);
  }
}
