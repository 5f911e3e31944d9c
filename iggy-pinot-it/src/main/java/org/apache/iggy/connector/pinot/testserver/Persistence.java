package org.apache.iggy.connector.pinot.testserver;

import java.time.Duration;

/**
 * When appended messages are saved, as Iggy 0.8 decides it. A partition's messages stay unsaved (in its journal,
 * already served to readers) until, after a send, its unsaved messages reach {@code messages_required_to_save} or
 * their bytes reach {@code size_of_messages_required_to_save}; then the whole tail is saved. The message saver saves
 * every partition each {@code message_saver.interval}, timed by the server clock here so tests stay deterministic,
 * and once more on a graceful shutdown. Consumer offsets are written at once and are never lost. Accessed under the
 * {@link ServerState} lock.
 */
final class Persistence {
  /** {@code system.partition.messages_required_to_save} of {@code core/server/config.toml}. */
  static final int DEFAULT_MESSAGES_REQUIRED_TO_SAVE = 1024;
  /** {@code system.partition.size_of_messages_required_to_save}: 1 MiB. */
  static final long DEFAULT_BYTES_REQUIRED_TO_SAVE = 1024 * 1024;
  /** {@code message_saver.interval}. */
  static final Duration DEFAULT_SAVER_INTERVAL = Duration.ofSeconds(30);

  private final int _messagesRequiredToSave;
  private final long _bytesRequiredToSave;
  private final long _saverIntervalMicros;
  private long _nextSaveMicros = Long.MAX_VALUE;

  /**
   * @param messagesRequiredToSave unsaved messages of a partition that make a send save them, at least 1
   * @param bytesRequiredToSave unsaved bytes (64-byte headers, payloads and user headers) that do the same
   * @param saverInterval how often the message saver runs; zero turns it off ({@code message_saver.enabled = false})
   */
  Persistence(int messagesRequiredToSave, long bytesRequiredToSave, Duration saverInterval) {
    if (messagesRequiredToSave < 1 || bytesRequiredToSave < 1 || saverInterval.isNegative()) {
      throw new IllegalArgumentException("save thresholds must be positive and the saver interval not negative");
    }
    _messagesRequiredToSave = messagesRequiredToSave;
    _bytesRequiredToSave = bytesRequiredToSave;
    _saverIntervalMicros = saverInterval.toNanos() / 1000;
  }

  static Persistence defaults() {
    return new Persistence(DEFAULT_MESSAGES_REQUIRED_TO_SAVE, DEFAULT_BYTES_REQUIRED_TO_SAVE, DEFAULT_SAVER_INTERVAL);
  }

  /** After a send batch was appended to {@code partition}. */
  void afterSend(PartitionState partition) {
    if (partition.unsavedCount() >= _messagesRequiredToSave || partition._unsavedBytes >= _bytesRequiredToSave) {
      partition.save();
    }
  }

  /** The server (re)started, or its clock was replaced, at {@code nowMicros}: the saver's period starts there. */
  void startSaver(long nowMicros) {
    _nextSaveMicros = _saverIntervalMicros == 0 ? Long.MAX_VALUE : nowMicros + _saverIntervalMicros;
  }

  /** Whether the message saver runs at {@code nowMicros}; if so its next period starts. */
  boolean saverDue(long nowMicros) {
    if (nowMicros < _nextSaveMicros) {
      return false;
    }
    startSaver(nowMicros);
    return true;
  }
}
