package org.apache.iggy.connector.pinot.check;

import java.time.Duration;
import java.util.List;
import org.apache.iggy.connector.pinot.client.IggyClient;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.apache.iggy.connector.pinot.client.PartitionMetadata;
import org.apache.iggy.connector.pinot.client.PollStart;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.pinot.spi.data.Schema;
import org.apache.pinot.spi.data.readers.GenericRow;
import org.apache.pinot.spi.stream.StreamMessageDecoder;

/**
 * Reads up to N messages of a partition and decodes them with the table's decoder: from where the offset criteria
 * start when messages follow there, otherwise the newest N.
 */
final class MessageSampler {
  private final StreamMessageDecoder<byte[]> _decoder;
  private final Schema _schema;
  private final int _sampleSize;

  /** @param schema null to check decoding only */
  MessageSampler(StreamMessageDecoder<byte[]> decoder, Schema schema, int sampleSize) {
    _decoder = decoder;
    _schema = schema;
    _sampleSize = sampleSize;
  }

  SampleReport sample(IggyClient client, TopicRef topic, PartitionMetadata partition, long firstOffset,
      long startOffset, Duration timeout) {
    SampleReport report = new SampleReport();
    long next = partition.nextOffset();
    long from = startOffset < next ? startOffset : Math.max(firstOffset, next - _sampleSize);
    if (_sampleSize == 0 || from >= next) {
      return report;
    }
    List<PolledMessage> records = client.poll(topic, partition.id(), PollStart.offset(from), _sampleSize, timeout)
        .messages();
    for (PolledMessage record : records) {
      report.sampled();
      GenericRow row;
      try {
        row = _decoder.decode(record.payload(), new GenericRow());
      } catch (RuntimeException e) {
        report.undecodable(record.offset(), e.getClass().getSimpleName() + ": " + e.getMessage());
        continue;
      }
      if (row == null) {
        report.undecodable(record.offset(), "the decoder returned no row (Pinot drops such messages)");
        continue;
      }
      report.decoded();
      if (_schema != null) {
        SchemaConformance.check(row, _schema, record.offset(), report);
      }
    }
    return report;
  }
}
