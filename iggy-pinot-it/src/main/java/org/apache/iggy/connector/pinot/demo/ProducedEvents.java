package org.apache.iggy.connector.pinot.demo;

import java.util.Map;
import java.util.TreeMap;

/** What the demo produced, per partition, event type and device, to check Pinot's answers against. */
public final class ProducedEvents {
  private final long[] _perPartition;
  private final Map<String, Long> _perType = new TreeMap<>();
  private final Map<String, long[]> _durationPerDevice = new TreeMap<>();

  ProducedEvents(int partitions) {
    _perPartition = new long[partitions];
  }

  synchronized void add(int partition, SampleEvents.SampleEvent event) {
    _perPartition[partition]++;
    _perType.merge(event.eventType(), 1L, Long::sum);
    long[] sumAndCount = _durationPerDevice.computeIfAbsent(event.deviceId(), device -> new long[2]);
    sumAndCount[0] += event.duration();
    sumAndCount[1]++;
  }

  public synchronized long total() {
    long total = 0;
    for (long count : _perPartition) {
      total += count;
    }
    return total;
  }

  /** Messages produced to a partition, which is also the partition's next offset (the demo's topic is new). */
  public synchronized long partition(int partition) {
    return _perPartition[partition];
  }

  public synchronized Map<String, Long> perEventType() {
    return new TreeMap<>(_perType);
  }

  public synchronized Map<String, Double> averageDurationPerDevice() {
    Map<String, Double> averages = new TreeMap<>();
    _durationPerDevice.forEach((device, sumAndCount) -> averages.put(device, (double) sumAndCount[0]
        / sumAndCount[1]));
    return averages;
  }
}
