package org.apache.iggy.connector.pinot.reader;

import org.apache.iggy.connector.pinot.client.PolledMessage;

/**
 * A message Pinot ingested, as Iggy stored it: its offset, server timestamp and checksum (which covers its id, offset,
 * timestamps, payload and headers). After a purge, a re-creation or an unclean restart that lost the unsaved tail,
 * another message may sit at the same offset; it has another checksum and a later timestamp.
 *
 * @param offset the offset
 * @param timestampMicros the server timestamp
 * @param checksum the server checksum
 */
public record Anchor(long offset, long timestampMicros, long checksum) {

  /** Whether {@code message} is this very message. */
  public boolean matches(PolledMessage message) {
    return message.offset() == offset && message.timestampMicros() == timestampMicros
        && message.checksum() == checksum;
  }
}
