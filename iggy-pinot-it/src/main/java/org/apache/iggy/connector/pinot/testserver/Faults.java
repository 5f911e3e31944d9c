package org.apache.iggy.connector.pinot.testserver;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault injection a test controls: delayed or swallowed answers, error answers, and responses cut in the middle.
 * Connection-level faults (drop, refuse, disconnect, restart) are methods of {@link IggyTestServer}.
 */
public final class Faults {
  /** Stall value meaning "never answer". */
  public static final long NEVER = -1;

  private final AtomicLong _stallMillis = new AtomicLong();
  private final AtomicInteger _failuresLeft = new AtomicInteger();
  private volatile int _failureCode;
  private final AtomicInteger _cutsLeft = new AtomicInteger();
  private final AtomicInteger _swallowed = new AtomicInteger();

  /** Answers every following request after {@code millis}; 0 answers at once again. */
  public void stall(long millis) {
    _stallMillis.set(millis);
  }

  /** Never answers any following request (the SDK's future then never completes). */
  public void stallForever() {
    _stallMillis.set(NEVER);
  }

  /** Answers the next {@code count} authenticated-or-not requests (except Ping) with {@code code}. */
  public void failNext(int count, int code) {
    _failureCode = code;
    _failuresLeft.set(count);
  }

  /** Writes only half of the next response, then closes the connection. */
  public void cutNextResponse() {
    _cutsLeft.incrementAndGet();
  }

  /** Clears every fault. */
  public void clear() {
    _stallMillis.set(0);
    _failuresLeft.set(0);
    _cutsLeft.set(0);
  }

  /** Requests left unanswered so far because of {@link #stallForever()}. */
  public int swallowed() {
    return _swallowed.get();
  }

  void recordSwallowed() {
    _swallowed.incrementAndGet();
  }

  long stallMillis() {
    return _stallMillis.get();
  }

  /** The injected error code for this request, or 0. */
  int takeFailure(int commandCode) {
    if (commandCode == CommandCodes.PING) {
      return 0;
    }
    return _failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? _failureCode : 0;
  }

  boolean takeCut() {
    return _cutsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
  }
}
