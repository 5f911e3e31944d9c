package org.apache.iggy.connector.pinot.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.iggy.connector.pinot.client.IggyClient;
import org.apache.iggy.connector.pinot.client.PollRequest;
import org.apache.iggy.connector.pinot.client.PollStart;
import org.apache.iggy.connector.pinot.client.PolledBatch;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.iggy.connector.pinot.reader.Anchor;
import org.apache.iggy.connector.pinot.reader.PartitionReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where reading resumes once a partition's offsets went back: the topic was purged or re-created, or Iggy
 * lost its unsaved messages in an unclean restart and new messages took over the lost offsets. Iggy 0.8 has no
 * partition incarnation, but its server timestamps only grow: when the message Pinot ingested last before the
 * requested offset is known ({@link Anchor}), every message stored later than it is one Pinot never saw, so reading
 * resumes at the first of them and nothing is lost or ingested twice. When it is not known (the Pinot server
 * restarted since), nothing tells the old messages from the new: reading waits until the partition reaches the
 * requested offset and resumes there, which never ingests a message twice, and reports data loss. Either way, when
 * an earlier poll answer showed the partition holding messages at or after the requested offset, they are lost
 * (Pinot had not read them yet), which is reported as data loss too.
 */
final class OffsetsWentBack {
  private static final Logger LOG = LoggerFactory.getLogger(OffsetsWentBack.class);
  private static final long FOLLOW_UP_MILLIS = 50;

  private final String _clientId;
  private final IggyClient _client;
  private final PartitionReader _reader;
  private final TopicRef _topic;
  private final int _partitionId;
  private final int _batchSize;
  private final boolean _keepMetadata;
  private final long _followUpNanos;
  private long _loggedFor = -1;
  private long _lossPendingAt = -1;
  private long _wentBackAt = -1;
  private long _lastOffsetBeforeGoingBack = -1;

  OffsetsWentBack(String clientId, IggyClient client, PartitionReader reader, TopicRef topic, int partitionId,
      int batchSize, boolean keepMetadata, int fetchTimeoutMillis) {
    _clientId = clientId;
    _client = client;
    _reader = reader;
    _topic = topic;
    _partitionId = partitionId;
    _batchSize = batchSize;
    _keepMetadata = keepMetadata;
    _followUpNanos = TimeUnit.MILLISECONDS.toNanos(Math.min(FOLLOW_UP_MILLIS, fetchTimeoutMillis / 2));
  }

  /**
   * What to deliver for a read from {@code start} that found the message Pinot ingested at {@code anchor} gone or
   * replaced: the messages stored after it; none yet when there are none or no time is left for the lookup.
   *
   * @param lastOffsetBefore the partition's last offset before it went back, as the read knew it (-1 when unknown)
   */
  Resumption afterAnchor(Anchor anchor, long start, long deadline, long lastOffsetBefore) {
    _reader.discardAhead();
    if (_wentBackAt != anchor.offset()) {
      _wentBackAt = anchor.offset();
      _lastOffsetBeforeGoingBack = lastOffsetBefore;
    } else {
      _lastOffsetBeforeGoingBack = Math.max(_lastOffsetBeforeGoingBack, lastOffsetBefore);
    }
    long left = deadline - System.nanoTime();
    if (left < _followUpNanos) {
      return Resumption.NOTHING_YET;
    }
    Duration timeout = Duration.ofNanos(left);
    PolledBatch newer = _client.startPoll(new PollRequest(_topic, _partitionId,
        PollStart.timestampMicros(anchor.timestampMicros() + 1), _batchSize, _keepMetadata), timeout).await(timeout);
    if (newer.isEmpty()) {
      logOnce(anchor.offset(), "[{}] The offsets of partition {} of {} went back: the message Pinot ingested at offset "
          + "{} (stored {}) is gone or replaced (the topic was purged or re-created, or Iggy lost its unsaved messages "
          + "in an unclean restart). Waiting for a message stored after it; nothing Pinot holds is ingested again",
          anchor);
      return Resumption.NOTHING_YET;
    }
    long resumeAt = newer.firstOffset();
    if (resumeAt >= start) {
      if (resumeAt > start) {
        LOG.warn("[{}] Offsets {} to {} of partition {} of {} were deleted by retention before Pinot consumed them",
            _clientId, start, resumeAt - 1, _partitionId, _topic);
      }
      return new Resumption(newer.messages(), resumeAt > start, newer.currentOffset());
    }
    boolean unreadLost = _lastOffsetBeforeGoingBack >= start;
    logOnce(anchor.offset(), "[{}] The offsets of partition {} of {} went back: the message Pinot ingested at offset "
        + "{} (stored {}) is gone or replaced (the topic was purged or re-created, or Iggy lost its unsaved messages "
        + "in an unclean restart). Resuming at offset " + resumeAt + ", the first message stored after it; nothing "
        + "Pinot holds is ingested again" + (unreadLost ? "; offsets " + start + " to " + _lastOffsetBeforeGoingBack
        + ", which Pinot had not read yet, are lost" : ""), anchor);
    return new Resumption(newer.messages(), unreadLost, newer.currentOffset());
  }

  /**
   * Notes that a read from {@code start} found the partition's last offset below the one an earlier answer showed:
   * messages Pinot had not read yet were lost from its end (an unclean Iggy restart). The next batch read from
   * {@code start} reports data loss.
   */
  void lastOffsetWentBack(long start, long before, long now) {
    _lossPendingAt = start;
    LOG.error("[{}] The last offset of partition {} of {} went back from {} to {}: Iggy lost messages Pinot had not "
        + "read yet (an unclean restart lost its unsaved messages, or the topic was purged or re-created); reporting "
        + "data loss", _clientId, _partitionId, _topic, before, now);
  }

  /**
   * What to deliver for a read beyond the partition's end when the message before {@code start} is not known: nothing
   * until the partition reaches {@code start}; the first batch from there reports data loss.
   */
  Resumption withoutAnchor(long start, long currentOffset) {
    _lossPendingAt = start;
    if (_loggedFor != start) {
      _loggedFor = start;
      LOG.error("[{}] Requested offset {} of partition {} of {} is beyond the partition's end (last offset {}): the "
          + "topic was purged or re-created, or Iggy lost its unsaved messages in an unclean restart. This server has "
          + "no record of the messages Pinot ingested before (it restarted since), so it cannot tell which; to never "
          + "ingest a message twice it waits until the partition reaches offset {} and resumes there, reporting data "
          + "loss: messages stored below that offset meanwhile are skipped (to ingest them after a purge or "
          + "re-creation, pause the table and resume it with consumeFrom=smallest)", _clientId, start, _partitionId,
          _topic, currentOffset, start);
    }
    return Resumption.NOTHING_YET;
  }

  /** Whether a batch read from {@code start} is the first one after waiting there, and so reports data loss. */
  boolean takePendingLoss(long start, List<PolledMessage> messages) {
    if (_lossPendingAt != start || messages.isEmpty()) {
      return false;
    }
    _lossPendingAt = -1;
    return true;
  }

  private void logOnce(long anchorOffset, String message, Anchor anchor) {
    if (_loggedFor != anchorOffset) {
      _loggedFor = anchorOffset;
      LOG.error(message, _clientId, _partitionId, _topic, anchor.offset(), Instant.EPOCH.plusNanos(
          TimeUnit.MICROSECONDS.toNanos(anchor.timestampMicros())));
    }
  }

  /**
   * What a fetch delivers.
   *
   * @param messages the messages, possibly from below the requested offset
   * @param dataLoss whether messages Pinot never ingested were skipped
   * @param partitionLastOffset the partition's last offset in the poll answer that held the messages
   */
  record Resumption(List<PolledMessage> messages, boolean dataLoss, long partitionLastOffset) {
    static final Resumption NOTHING_YET = new Resumption(List.of(), false, -1);
  }
}
