package org.apache.iggy.connector.pinot.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.iggy.connector.pinot.client.FailureKind;
import org.apache.iggy.connector.pinot.client.IggyClientHandle;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.apache.iggy.connector.pinot.client.IggyRecord;
import org.apache.iggy.connector.pinot.client.PartitionMetadata;
import org.apache.iggy.connector.pinot.client.PollStart;
import org.apache.iggy.connector.pinot.client.PolledBatch;
import org.apache.iggy.connector.pinot.client.TopicDescription;
import org.apache.iggy.connector.pinot.client.TopicRef;

/**
 * An in-memory Iggy topic behind our own client interface: partitions with offsets, server timestamps, retention and
 * purge, stored consumer offsets, error injection and call counting. It answers like Iggy 0.8 does: a poll below the
 * first retained offset starts at the first retained one, a poll past the end is empty, the last offset of an empty
 * partition is 0.
 */
public final class FakeIggyClient implements IggyClientHandle {
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
      p._records.add(new IggyRecord(offset, _clockMicros, _clockMicros - 5_000, "1000" + offset,
          payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), new LinkedHashMap<>(headers),
          64 + payload.length()));
    }
    return _clockMicros;
  }

  /** Drops messages below {@code offset} (retention); the last offset does not change. */
  public synchronized void deleteBelow(int partition, long offset) {
    FakePartition p = _partitions.get(partition);
    while (p._firstRetained < offset && p._records.size() > 1) {
      p._records.remove(0);
      p._firstRetained++;
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

  @Override
  public synchronized PolledBatch poll(TopicRef topic, int partitionId, PollStart start, int count,
      Duration timeout) {
    _pollCalls.incrementAndGet();
    _pollStarts.add(start);
    maybeFail();
    if (partitionId >= _partitions.size()) {
      throw IggyErrors.permanentError(FailureKind.NOT_FOUND, "Iggy partition " + partitionId + " not found", null);
    }
    FakePartition p = _partitions.get(partitionId);
    List<IggyRecord> out = new ArrayList<>();
    for (IggyRecord record : p._records) {
      boolean selected;
      switch (start.kind()) {
        case OFFSET:
          selected = record.offset() >= start.value();
          break;
        case TIMESTAMP:
          selected = record.timestampMicros() >= start.value();
          break;
        default:
          selected = true;
      }
      if (selected && out.size() < count) {
        out.add(record);
      }
    }
    return new PolledBatch(partitionId, p.lastOffset(), out);
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
    private final List<IggyRecord> _records = new ArrayList<>();
    private long _firstRetained;

    long lastOffset() {
      return _records.isEmpty() ? 0 : _firstRetained + _records.size() - 1;
    }
  }
}
