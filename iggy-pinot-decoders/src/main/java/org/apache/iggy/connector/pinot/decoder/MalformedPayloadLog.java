package org.apache.iggy.connector.pinot.decoder;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs dropped payloads without flooding the log: the first one and then one in every {@code every}, with the running
 * count and only a short prefix of the payload.
 */
final class MalformedPayloadLog {
  private static final int PREFIX_BYTES = 64;
  private static final int MAX_REASON_CHARS = 80;

  private final Logger _log;
  private final long _every;
  private final AtomicLong _count = new AtomicLong();

  MalformedPayloadLog(Logger log, long every) {
    _log = log;
    _every = every;
  }

  void dropped(String topic, byte[] payload, int offset, int length, String reason) {
    long count = _count.incrementAndGet();
    if ((count - 1) % _every == 0) {
      int shown = Math.min(length, PREFIX_BYTES);
      _log.warn("Dropped a malformed JSON payload of topic {} ({} bytes): {}. Payload starts with: '{}'{}. {} "
          + "payloads dropped so far; logging one in {}", topic, length, shorten(reason),
          new String(payload, offset, shown, StandardCharsets.UTF_8), length > shown ? "..." : "", count, _every);
    }
  }

  private static String shorten(String reason) {
    return reason == null || reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS)
        + "...";
  }

  long count() {
    return _count.get();
  }
}
