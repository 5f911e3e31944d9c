package org.apache.iggy.connector.pinot.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pinot.spi.stream.BytesStreamMessage;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.StreamMessageMetadata;

/**
 * The baseline stream of scenario 3: the benchmark's events held in memory, per partition, as the Pinot messages a
 * consumer returns (built once, so that fetching costs next to nothing). Streams are registered by the name the
 * table's stream config gives as its topic.
 */
final class InMemoryStream {
  private static final Map<String, InMemoryStream> STREAMS = new ConcurrentHashMap<>();

  private final BytesStreamMessage[][] _partitions;

  private InMemoryStream(BytesStreamMessage[][] partitions) {
    _partitions = partitions;
  }

  /** Registers a stream whose partition {@code p} holds {@code payloads[p]} from offset 0. */
  static void register(String name, byte[][][] payloads) {
    BytesStreamMessage[][] partitions = new BytesStreamMessage[payloads.length][];
    long now = System.currentTimeMillis();
    for (int p = 0; p < payloads.length; p++) {
      partitions[p] = new BytesStreamMessage[payloads[p].length];
      for (int offset = 0; offset < payloads[p].length; offset++) {
        byte[] payload = payloads[p][offset];
        partitions[p][offset] = new BytesStreamMessage(null, payload, new StreamMessageMetadata.Builder()
            .setOffset(new LongMsgOffset(offset), new LongMsgOffset(offset + 1L))
            .setSerializedValueSize(payload.length).setRecordIngestionTimeMs(now).build());
      }
    }
    STREAMS.put(name, new InMemoryStream(partitions));
  }

  static void unregister(String name) {
    STREAMS.remove(name);
  }

  static InMemoryStream named(String name) {
    InMemoryStream stream = STREAMS.get(name);
    if (stream == null) {
      throw new IllegalStateException("no in-memory stream named " + name);
    }
    return stream;
  }

  int partitions() {
    return _partitions.length;
  }

  BytesStreamMessage[] partition(int partition) {
    return _partitions[partition];
  }
}
