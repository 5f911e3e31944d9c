package org.apache.iggy.connector.pinot.testserver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault injection a test controls: delayed or swallowed answers, for every request or only for the polls of one
 * partition, error answers, and responses cut in the middle. Answers keep their order on a connection, as Iggy's
 * one-request-at-a-time handling does: an answer waits for the stalled one before it, and a connection that swallowed
 * an answer answers nothing more. Connection-level faults (drop, refuse, disconnect, restart) are methods of
 * {@link IggyTestServer}.
 */
public final class Faults {
  /** Stall value meaning "never answer". */
  public static final long NEVER = -1;

  private final AtomicLong _stallMillis = new AtomicLong();
  private final AtomicInteger _failuresLeft = new AtomicInteger();
  private volatile int _failureCode;
  private final AtomicInteger _cutsLeft = new AtomicInteger();
  private final AtomicInteger _swallowed = new AtomicInteger();
  private final Map<PartitionRef, Long> _partitionStalls = new ConcurrentHashMap<>();
  private final Map<PartitionRef, AtomicLong> _pollsAnswered = new ConcurrentHashMap<>();

  /** Answers every following request after {@code millis}; 0 answers at once again. */
  public void stall(long millis) {
    _stallMillis.set(millis);
  }

  /** Never answers any following request (the SDK's future then never completes). */
  public void stallForever() {
    _stallMillis.set(NEVER);
  }

  /** Answers the polls of one partition after {@code millis} (other requests as before); 0 lifts the stall. */
  public void stallPolls(String stream, String topic, int partition, long millis) {
    PartitionRef polled = new PartitionRef(stream, topic, partition);
    if (millis == 0) {
      _partitionStalls.remove(polled);
    } else {
      _partitionStalls.put(polled, millis);
    }
  }

  /** Never answers a poll of the partition, nor anything after it on the same connection. */
  public void stallPollsForever(String stream, String topic, int partition) {
    _partitionStalls.put(new PartitionRef(stream, topic, partition), NEVER);
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
    _partitionStalls.clear();
  }

  /** Requests left unanswered so far because of {@link #stallForever()}. */
  public int swallowed() {
    return _swallowed.get();
  }

  void recordSwallowed() {
    _swallowed.incrementAndGet();
  }

  /** How long to hold an answer, {@link #NEVER} to swallow it; {@code polled} is the partition a poll read, or null. */
  long stallMillis(PartitionRef polled) {
    long stall = _stallMillis.get();
    Long partitionStall = polled == null ? null : _partitionStalls.get(polled);
    if (partitionStall == null) {
      return stall;
    }
    return stall == NEVER || partitionStall == NEVER ? NEVER : Math.max(stall, partitionStall);
  }

  void recordPollAnswered(PartitionRef polled) {
    _pollsAnswered.computeIfAbsent(polled, key -> new AtomicLong()).incrementAndGet();
  }

  long pollsAnswered(PartitionRef polled) {
    AtomicLong answered = _pollsAnswered.get(polled);
    return answered == null ? 0 : answered.get();
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
