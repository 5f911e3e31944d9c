package org.apache.iggy.connector.pinot.demo;

import java.util.Random;

/**
 * Events shaped like the reference README's message (userId, eventType, deviceId, duration, count, timestamp), varied
 * the way an app's analytics would be: many users, a few event types and devices, durations that depend on the type.
 */
final class SampleEvents {
  static final String[] EVENT_TYPES = {"page_view", "click", "add_to_cart", "purchase", "signup"};
  static final String[] DEVICES = {"iphone-15", "pixel-8", "galaxy-s24", "macbook-air", "windows-desktop"};
  private static final int[] TYPE_WEIGHTS = {50, 30, 10, 6, 4};
  private static final int[] TYPE_MEAN_MILLIS = {1500, 200, 800, 4000, 9000};
  private static final int USERS = 250;

  private final Random _random;

  SampleEvents(long seed) {
    _random = new Random(seed);
  }

  /** The next event. */
  SampleEvent next(long timestampMillis) {
    int type = weightedType();
    String device = DEVICES[_random.nextInt(DEVICES.length)];
    long duration = Math.max(10, Math.round(TYPE_MEAN_MILLIS[type] * (0.5 + _random.nextDouble())));
    String user = "user" + (1 + _random.nextInt(USERS));
    return new SampleEvent(user, EVENT_TYPES[type], device, duration, timestampMillis);
  }

  private int weightedType() {
    int pick = _random.nextInt(100);
    for (int type = 0; type < TYPE_WEIGHTS.length; type++) {
      pick -= TYPE_WEIGHTS[type];
      if (pick < 0) {
        return type;
      }
    }
    return 0;
  }

  /** One event; {@link #json()} is the message payload. */
  record SampleEvent(String userId, String eventType, String deviceId, long duration, long timestamp) {
    String json() {
      return "{\"userId\":\"" + userId + "\",\"eventType\":\"" + eventType + "\",\"deviceId\":\"" + deviceId
          + "\",\"duration\":" + duration + ",\"count\":1,\"timestamp\":" + timestamp + "}";
    }
  }
}
