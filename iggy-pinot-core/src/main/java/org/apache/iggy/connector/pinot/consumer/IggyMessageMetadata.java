package org.apache.iggy.connector.pinot.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.iggy.connector.pinot.client.IggyRecord;
import org.apache.pinot.spi.data.readers.GenericRow;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.StreamMessageMetadata;

/**
 * Builds Pinot's per-message metadata from an Iggy message. Iggy timestamps are microseconds; Pinot wants
 * milliseconds. With {@code metadata.populate} the user headers become {@code __header$} columns and the fields below
 * become {@code __metadata$} columns.
 */
public final class IggyMessageMetadata {
  public static final String OFFSET = "offset";
  public static final String PARTITION = "partition";
  public static final String TIMESTAMP = "timestamp";
  public static final String ORIGIN_TIMESTAMP = "originTimestamp";
  public static final String MESSAGE_ID = "messageId";

  private final boolean _populate;
  private final String _partition;

  /**
   * @param populate whether headers and record metadata are exposed
   * @param iggyPartitionId the partition the messages come from
   */
  public IggyMessageMetadata(boolean populate, int iggyPartitionId) {
    _populate = populate;
    _partition = Integer.toString(iggyPartitionId);
  }

  public StreamMessageMetadata of(IggyRecord record) {
    long timestampMillis = TimeUnit.MICROSECONDS.toMillis(record.timestampMicros());
    StreamMessageMetadata.Builder builder = new StreamMessageMetadata.Builder()
        .setOffset(new LongMsgOffset(record.offset()), new LongMsgOffset(record.offset() + 1))
        .setSerializedValueSize(record.payload().length);
    if (timestampMillis > 0) {
      builder.setRecordIngestionTimeMs(timestampMillis);
    }
    if (record.originTimestampMicros() > 0) {
      builder.setFirstStreamRecordIngestionTimeMs(TimeUnit.MICROSECONDS.toMillis(record.originTimestampMicros()));
    }
    if (_populate) {
      GenericRow headers = new GenericRow();
      record.headers().forEach(headers::putValue);
      builder.setHeaders(headers);
      Map<String, String> metadata = new HashMap<>();
      metadata.put(OFFSET, Long.toString(record.offset()));
      metadata.put(PARTITION, _partition);
      metadata.put(TIMESTAMP, Long.toString(timestampMillis));
      metadata.put(ORIGIN_TIMESTAMP, Long.toString(record.originTimestampMicros()));
      metadata.put(MESSAGE_ID, record.id());
      builder.setMetadata(metadata);
    }
    return builder.build();
  }
}
