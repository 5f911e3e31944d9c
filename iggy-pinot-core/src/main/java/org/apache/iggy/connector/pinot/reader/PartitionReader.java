package org.apache.iggy.connector.pinot.reader;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.iggy.connector.pinot.client.IggyClient;
import org.apache.iggy.connector.pinot.client.InFlight;
import org.apache.iggy.connector.pinot.client.PollRequest;
import org.apache.iggy.connector.pinot.client.PollStart;
import org.apache.iggy.connector.pinot.client.PolledBatch;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one Iggy partition by explicit offset and keeps the next polls in flight while Pinot processes the current
 * batch. A poll asks for the batch size or, when the partition's messages are small, for more ({@link
 * Prefetch#pollSize}, about {@link Prefetch#pollBytes()} of payload): a read returns at most the batch size, and what
 * is left of the answer serves the reads that follow it without a round trip. After a full poll, the following
 * ranges ({@link Prefetch#depth()} of them, fewer when the last poll's size says they would exceed {@link
 * Prefetch#maxBytesAhead()}) are requested at once, each starting where the previous one must end, up to the
 * partition's next offset. A prefetched or left-over answer is used only for the offset it was asked for; anything
 * else is discarded, so the same start offset always yields the same messages. After a short poll (the partition's
 * end) nothing is prefetched. Every poll but the first of a partition starts one message early, so that the caller
 * can check that the message before the range is still the one it delivered ({@link Read#previous()}). Errors reach
 * the caller of the read that needs the answer, never an empty batch.
 */
public final class PartitionReader {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionReader.class);

  private final IggyClient _client;
  private final TopicRef _topic;
  private final int _partitionId;
  private final int _batchSize;
  private final boolean _keepMetadata;
  private final Prefetch _prefetch;
  private final Deque<Pending> _pipeline = new ArrayDeque<>();
  private final List<CompletableFuture<Void>> _abandoned = new ArrayList<>();
  private int _pollSize;
  private Read _rest;
  private long _lastOffset;
  private boolean _closed;

  /**
   * @param client the reader's own client (its requests must not wait behind another reader's)
   * @param batchSize messages per read at most
   * @param keepMetadata whether messages keep their ids and user headers
   * @param lastOffset the partition's last offset an earlier reader saw, -1 when unknown
   */
  public PartitionReader(IggyClient client, TopicRef topic, int partitionId, int batchSize, boolean keepMetadata,
      Prefetch prefetch, long lastOffset) {
    _client = client;
    _topic = topic;
    _partitionId = partitionId;
    _batchSize = batchSize;
    _keepMetadata = keepMetadata;
    _prefetch = prefetch;
    _lastOffset = lastOffset;
    _pollSize = batchSize;
  }

  /** The messages from {@code start} on, answered within {@code timeout}; empty when there are none yet. */
  public synchronized Read read(long start, Duration timeout) {
    if (_closed) {
      throw new IllegalStateException("the reader of partition " + _partitionId + " of " + _topic + " is closed");
    }
    Read rest = _rest;
    _rest = null;
    Read answer = rest != null && rest.batch().firstOffset() == start ? rest : poll(start, timeout);
    if (answer.batch().messages().size() <= _batchSize) {
      return answer;
    }
    _rest = answer.after(_batchSize);
    return answer.first(_batchSize);
  }

  private Read poll(long start, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Pending head = takePending(start);
    if (head == null) {
      head = new Pending(start, _pollSize, _client.startPoll(request(start, _pollSize), timeout), _lastOffset);
    }
    PolledBatch answer;
    try {
      answer = head.answer().await(remaining(deadline));
    } catch (RuntimeException e) {
      discardPipeline();
      throw e;
    }
    Read read = Read.of(start, answer, head.lastOffsetBefore());
    _lastOffset = answer.currentOffset();
    prefetchAfter(start, head.count(), read.batch(), answer.messages().size());
    return read;
  }

  /** Forgets the polls in flight ahead, e.g. once the caller found that the partition's offsets went back. */
  public synchronized void discardAhead() {
    _rest = null;
    discardPipeline();
  }

  /**
   * Stops reading: answers still on their way are discarded. {@code release} runs once none is in flight any more
   * (each request ends within the request timeout), so that the client goes back to its lender unused.
   */
  public synchronized void close(Runnable release) {
    if (_closed) {
      return;
    }
    _closed = true;
    _rest = null;
    discardPipeline();
    CompletableFuture.allOf(_abandoned.toArray(new CompletableFuture<?>[0])).whenComplete((done, failure) ->
        release.run());
    _abandoned.clear();
  }

  /** Polls in flight ahead of the caller, for tests and figures. */
  synchronized int pendingPolls() {
    return _pipeline.size();
  }

  private Pending takePending(long start) {
    while (!_pipeline.isEmpty()) {
      Pending pending = _pipeline.pollFirst();
      if (pending.start() == start) {
        return pending;
      }
      abandon(pending);
    }
    return null;
  }

  /**
   * @param batch the answer's messages from {@code start} on
   * @param answerCount all messages of the answer, the one before {@code start} included, whose payload bytes the
   *     batch counts
   */
  private void prefetchAfter(long start, int asked, PolledBatch batch, int answerCount) {
    long bytes = batch.answerPayloadBytes();
    _pollSize = _prefetch.pollSize(_batchSize, asked, answerCount, bytes);
    if (batch.messages().size() < asked) {
      discardPipeline();
      return;
    }
    long next = batch.nextOffset(start);
    if (!_pipeline.isEmpty() && _pipeline.peekFirst().start() != next) {
      discardPipeline();
    }
    int depth = _prefetch.depthFor(bytes);
    while (_pipeline.size() < depth) {
      long prefetchStart = _pipeline.isEmpty() ? next : _pipeline.peekLast().start() + _pipeline.peekLast().count();
      if (prefetchStart > _lastOffset + 1) {
        // Beyond the partition's next offset nothing can be there yet.
        return;
      }
      try {
        _pipeline.addLast(new Pending(prefetchStart, _pollSize, _client.startPoll(request(prefetchStart, _pollSize),
            Duration.ofMillis(1)), _lastOffset));
      } catch (RuntimeException e) {
        // The next read polls again and reports the failure itself.
        LOG.debug("Cannot prefetch offset {} of partition {} of {}: {}", prefetchStart, _partitionId, _topic,
            e.getMessage());
        return;
      }
    }
  }

  private PollRequest request(long start, int count) {
    return start == 0 ? new PollRequest(_topic, _partitionId, PollStart.offset(0), count, _keepMetadata)
        : new PollRequest(_topic, _partitionId, PollStart.offset(start - 1), count + 1, _keepMetadata);
  }

  private void discardPipeline() {
    while (!_pipeline.isEmpty()) {
      abandon(_pipeline.pollFirst());
    }
  }

  private void abandon(Pending pending) {
    _abandoned.removeIf(CompletableFuture::isDone);
    _abandoned.add(pending.answer().settled());
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadline - System.nanoTime()));
  }

  /**
   * A poll in flight for {@code count} messages from {@code start}; {@code lastOffsetBefore} is the partition's last
   * offset when it was sent: polls in flight side by side on different connections may be answered in any order, so
   * an answer is only compared with those the reader had before it sent the poll.
   */
  private record Pending(long start, int count, InFlight<PolledBatch> answer, long lastOffsetBefore) {
  }
}
