package org.apache.iggy.connector.pinot.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seed-like JSON events of about 150 bytes (the reference README's fields plus a session id and a sequence number),
 * each derived from its sequence number alone, so that any reader can be checked against what was produced.
 */
final class BenchEvents {
  private static final String[] EVENT_TYPES = {"page_view", "click", "add_to_cart", "purchase", "signup"};
  private static final String[] DEVICES = {"iphone-15", "pixel-8", "galaxy-s24", "macbook-air", "windows-desktop"};
  private static final long BASE_MILLIS = 1_764_633_600_000L;

  private BenchEvents() {
  }

  /** The event with sequence number {@code seq}. */
  static Event event(long seq) {
    SplittableRandom random = new SplittableRandom(seq * 0x9E3779B97F4A7C15L);
    int type = random.nextInt(EVENT_TYPES.length);
    return new Event(seq, "user" + (1 + random.nextInt(250)), EVENT_TYPES[type],
        DEVICES[random.nextInt(DEVICES.length)], Long.toHexString(random.nextLong() | 1L << 60),
        10 + random.nextInt(9_000), BASE_MILLIS + seq * 7);
  }

  /** Payloads of the events {@code fromSeq} to {@code fromSeq + count - 1}. */
  static byte[][] payloads(long fromSeq, int count) {
    byte[][] payloads = new byte[count][];
    for (int i = 0; i < count; i++) {
      payloads[i] = event(fromSeq + i).payload();
    }
    return payloads;
  }

  /** The checksums a reader of the events {@code fromSeq} to {@code fromSeq + count - 1}, in order, must compute. */
  static Expected expected(long fromSeq, long count) {
    PayloadChecksum payloads = new PayloadChecksum();
    RowChecksum rows = new RowChecksum();
    long durations = 0;
    for (long seq = fromSeq; seq < fromSeq + count; seq++) {
      Event event = event(seq);
      payloads.add(event.payload());
      rows.add(event.seq(), event.duration(), event.userId(), event.eventType(), event.deviceId(),
          event.timestamp());
      durations += event.duration();
    }
    return new Expected(count, payloads.value(), rows.value(), durations);
  }

  /** One event; {@link #payload()} is the message. */
  record Event(long seq, String userId, String eventType, String deviceId, String sessionId, long duration,
      long timestamp) {
    byte[] payload() {
      return json().getBytes(StandardCharsets.UTF_8);
    }

    String json() {
      return "{\"userId\":\"" + userId + "\",\"eventType\":\"" + eventType + "\",\"deviceId\":\"" + deviceId
          + "\",\"sessionId\":\"" + sessionId + "\",\"duration\":" + duration + ",\"count\":1,\"seq\":" + seq
          + ",\"timestamp\":" + timestamp + "}";
    }
  }

  /**
   * What reading a range of events must give.
   *
   * @param payloadChecksum the {@link PayloadChecksum} of the payloads in order
   * @param rowChecksum the {@link RowChecksum} of the decoded rows in order
   * @param durationSum the sum of the events' durations
   */
  record Expected(long count, long payloadChecksum, long rowChecksum, long durationSum) {
  }
}
