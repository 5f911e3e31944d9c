package org.apache.iggy.connector.pinot.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.iggy.connector.pinot.client.FailureKind;
import org.apache.iggy.connector.pinot.client.IggyClient;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.apache.iggy.connector.pinot.client.InFlight;
import org.apache.iggy.connector.pinot.client.PartitionMetadata;
import org.apache.iggy.connector.pinot.client.PollRequest;
import org.apache.iggy.connector.pinot.client.PollStart;
import org.apache.iggy.connector.pinot.client.PolledBatch;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.apache.iggy.connector.pinot.client.TopicDescription;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.iggy.connector.pinot.config.IggyResourceId;

/**
 * An in-memory Iggy topic behind the client interface: partitions with offsets, server timestamps, retention and
 * purge, stored consumer offsets, error injection and call counting. It answers like Iggy 0.8 does: a poll below the
 * first retained offset starts at the first retained one, a poll past the end is empty, the last offset of an empty
 * partition is 0. A poll is answered at once, from the state at the time it is sent.
 */
public final class FakeIggyClient implements IggyClient {
  private final List<FakePartition> _partitions = new ArrayList<>();
  private final Map<String, Long> _storedOffsets = new ConcurrentHashMap<>();
  private final AtomicInteger _fetchTopicCalls = new AtomicInteger();
  private final AtomicInteger _pollCalls = new AtomicInteger();
  private final AtomicInteger _connectCalls = new AtomicInteger();
  private final AtomicInteger _closeCalls = new AtomicInteger();
  private final List<PollStart> _pollStarts = new ArrayList<>();
  private volatile Supplier<RuntimeException> _nextFailure;
  private volatile int _failuresLeft;
  private long _clockMicros = 1_700_000_000_000_000L;
  private List<String> _topicNames = List.of("user-events");

  public FakeIggyClient(int partitions) {
    for (int i = 0; i < partitions; i++) {
      _partitions.add(new FakePartition());
    }
  }

  /** Appends messages to a partition, all with one server timestamp (as one Iggy send batch), returns it in µs. */
  public synchronized long append(int partition, String... payloads) {
    return append(partition, Map.of(), payloads);
  }

  public synchronized long append(int partition, Map<String, Object> headers, String... payloads) {
    _clockMicros += 1_000_000;
    FakePartition p = _partitions.get(partition);
    for (String payload : payloads) {
      long offset = p._firstRetained + p._records.size();
      appendRaw(p, payload, HeaderBlobs.of(headers));
    }
    return _clockMicros;
  }

  /** Appends one message with a raw user-headers blob, well-formed or not. */
  public synchronized void appendWithHeaderBytes(int partition, String payload, byte[] userHeaders) {
    _clockMicros += 1_000_000;
    appendRaw(_partitions.get(partition), payload, userHeaders);
  }

  private void appendRaw(FakePartition p, String payload, byte[] userHeaders) {
    long offset = p._firstRetained + p._records.size();
    byte[] bytes = payload.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    p._records.add(new PolledMessage(offset, _clockMicros, _clockMicros - 5_000, java.util.Objects.hash(offset,
        payload, _clockMicros), bytes,
        64 + bytes.length + userHeaders.length, 10_000 + offset, 0, userHeaders));
  }

  /** Drops messages below {@code offset} (retention); the last offset does not change. */
  public synchronized void deleteBelow(int partition, long offset) {
    FakePartition p = _partitions.get(partition);
    while (p._firstRetained < offset && p._records.size() > 1) {
      p._records.remove(0);
      p._firstRetained++;
    }
  }

  /** An unclean restart that lost the unsaved tail: only the first {@code kept} messages remain, offsets rewind. */
  public synchronized void loseTail(int partition, int kept) {
    FakePartition p = _partitions.get(partition);
    while (p._records.size() > kept) {
      p._records.remove(p._records.size() - 1);
    }
  }

  /** Purges the topic: every partition restarts at offset 0. */
  public synchronized void purge() {
    for (FakePartition p : _partitions) {
      p._records.clear();
      p._firstRetained = 0;
    }
  }

  public synchronized void addPartitions(int count) {
    for (int i = 0; i < count; i++) {
      _partitions.add(new FakePartition());
    }
  }

  /** The next {@code times} calls fail with the supplied exception. */
  public void failNext(int times, Supplier<RuntimeException> failure) {
    _nextFailure = failure;
    _failuresLeft = times;
  }

  public static RuntimeException networkDown() {
    return IggyErrors.transientError(FailureKind.REFUSED, "cannot reach Iggy",
        new java.io.IOException("connection refused"));
  }

  public Long storedOffset(int partition, String consumer) {
    return _storedOffsets.get(consumer + "/" + partition);
  }

  public int fetchTopicCalls() {
    return _fetchTopicCalls.get();
  }

  public int pollCalls() {
    return _pollCalls.get();
  }

  public int connectCalls() {
    return _connectCalls.get();
  }

  public int closeCalls() {
    return _closeCalls.get();
  }

  public synchronized List<PollStart> pollStarts() {
    return List.copyOf(_pollStarts);
  }

  @Override
  public void connect(Duration timeout) {
    _connectCalls.incrementAndGet();
    maybeFail();
  }

  @Override
  public synchronized TopicDescription fetchTopic(TopicRef topic, Duration timeout) {
    _fetchTopicCalls.incrementAndGet();
    maybeFail();
    List<PartitionMetadata> partitions = new ArrayList<>();
    for (int i = 0; i < _partitions.size(); i++) {
      FakePartition p = _partitions.get(i);
      partitions.add(new PartitionMetadata(i, p.lastOffset(), p._records.size()));
    }
    return new TopicDescription(topic, 0, "topic", partitions);
  }

  /** The topics of the fake's stream, as {@link #fetchTopicNames} lists them. */
  public synchronized void topicNames(String... names) {
    _topicNames = List.of(names);
  }

  @Override
  public synchronized List<String> fetchTopicNames(IggyResourceId stream, Duration timeout) {
    maybeFail();
    return _topicNames;
  }

  @Override
  public synchronized InFlight<PolledBatch> startPoll(PollRequest request, Duration connectTimeout) {
    _pollCalls.incrementAndGet();
    _pollStarts.add(request.start());
    String description = "poll of partition " + request.partitionId();
    try {
      maybeFail();
    } catch (RuntimeException e) {
      return new InFlight<>(CompletableFuture.failedFuture(e), description, () -> { });
    }
    if (request.partitionId() >= _partitions.size()) {
      return new InFlight<>(CompletableFuture.failedFuture(IggyErrors.permanentError(FailureKind.NOT_FOUND,
          "Iggy partition " + request.partitionId() + " not found", null)), description, () -> { });
    }
    FakePartition p = _partitions.get(request.partitionId());
    List<PolledMessage> out = new ArrayList<>();
    for (PolledMessage record : p._records) {
      boolean selected;
      switch (request.start().kind()) {
        case OFFSET:
          selected = record.offset() >= request.start().value();
          break;
        case TIMESTAMP:
          selected = record.timestampMicros() >= request.start().value();
          break;
        default:
          selected = true;
      }
      if (selected && out.size() < request.count()) {
        out.add(request.keepMetadata() ? record : withoutMetadata(record));
      }
    }
    return InFlight.answered(new PolledBatch(request.partitionId(), p.lastOffset(), out), description);
  }

  private static PolledMessage withoutMetadata(PolledMessage record) {
    return new PolledMessage(record.offset(), record.timestampMicros(), record.originTimestampMicros(),
        record.checksum(), record.payload(), record.sizeInBytes(), 0, 0, null);
  }

  @Override
  public void storeConsumerOffset(TopicRef topic, int partitionId, String consumerName, long offset,
      Duration timeout) {
    maybeFail();
    _storedOffsets.put(consumerName + "/" + partitionId, offset);
  }

  @Override
  public void close() {
    _closeCalls.incrementAndGet();
  }

  private void maybeFail() {
    Supplier<RuntimeException> failure = _nextFailure;
    if (failure != null && _failuresLeft > 0) {
      _failuresLeft--;
      throw failure.get();
    }
  }

  private static final class FakePartition {
    private final List<PolledMessage> _records = new ArrayList<>();
    private long _firstRetained;

    long lastOffset() {
      return _records.isEmpty() ? 0 : _firstRetained + _records.size() - 1;
    }
  }
}
