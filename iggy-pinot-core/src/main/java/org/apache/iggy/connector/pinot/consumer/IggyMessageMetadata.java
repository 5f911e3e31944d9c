package org.apache.iggy.connector.pinot.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.apache.iggy.connector.pinot.client.UserHeaders;
import org.apache.pinot.spi.data.readers.GenericRow;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.StreamMessageMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds Pinot's per-message metadata from an Iggy message. Iggy timestamps are microseconds; Pinot wants
 * milliseconds. With {@code metadata.populate} the user headers become {@code __header$} columns and the fields below
 * become {@code __metadata$} columns. Iggy 0.8 stores user-header bytes unchecked: a message whose headers cannot be
 * decoded is delivered without them, counted and logged (the first, then one in {@link #LOG_EVERY}) with its offset.
 */
public final class IggyMessageMetadata {
  public static final String OFFSET = "offset";
  public static final String PARTITION = "partition";
  public static final String TIMESTAMP = "timestamp";
  public static final String ORIGIN_TIMESTAMP = "originTimestamp";
  public static final String MESSAGE_ID = "messageId";
  static final long LOG_EVERY = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(IggyMessageMetadata.class);

  private final boolean _populate;
  private final int _partitionId;
  private final String _partition;
  private final AtomicLong _malformedHeaders = new AtomicLong();

  /**
   * @param populate whether headers and record metadata are exposed
   * @param iggyPartitionId the partition the messages come from
   */
  public IggyMessageMetadata(boolean populate, int iggyPartitionId) {
    _populate = populate;
    _partitionId = iggyPartitionId;
    _partition = Integer.toString(iggyPartitionId);
  }

  /**
   * The metadata of {@code message}, whose offset and next offset Pinot gets as {@code offset} and {@code next} (a
   * batch hands each message's offset on as the next offset of the message before it).
   */
  public StreamMessageMetadata of(PolledMessage message, LongMsgOffset offset, LongMsgOffset next) {
    long timestampMillis = millis(message.timestampMicros());
    StreamMessageMetadata.Builder builder = new StreamMessageMetadata.Builder().setOffset(offset, next)
        .setSerializedValueSize(message.payload().length);
    if (timestampMillis > 0) {
      builder.setRecordIngestionTimeMs(timestampMillis);
    }
    if (message.originTimestampMicros() > 0) {
      builder.setFirstStreamRecordIngestionTimeMs(millis(message.originTimestampMicros()));
    }
    if (_populate) {
      GenericRow headers = headers(message);
      if (headers != null) {
        builder.setHeaders(headers);
      }
      Map<String, String> metadata = new HashMap<>();
      metadata.put(OFFSET, Long.toString(message.offset()));
      metadata.put(PARTITION, _partition);
      metadata.put(TIMESTAMP, Long.toString(timestampMillis));
      metadata.put(ORIGIN_TIMESTAMP, Long.toString(message.originTimestampMicros()));
      metadata.put(MESSAGE_ID, message.id());
      builder.setMetadata(metadata);
    }
    return builder.build();
  }

  /** A division by a constant, which the JIT turns into a multiplication, where TimeUnit's ratio is a field. */
  private static long millis(long micros) {
    return micros / 1000;
  }

  /** Messages delivered without their headers because the headers could not be decoded. */
  public long malformedHeaders() {
    return _malformedHeaders.get();
  }

  private GenericRow headers(PolledMessage message) {
    GenericRow row = new GenericRow();
    byte[] blob = message.userHeaders();
    if (blob == null || blob.length == 0) {
      return row;
    }
    try {
      UserHeaders.decode(blob).forEach(row::putValue);
      return row;
    } catch (UserHeaders.MalformedException e) {
      long count = _malformedHeaders.incrementAndGet();
      if ((count - 1) % LOG_EVERY == 0) {
        LOG.warn("Delivering the message at offset {} of partition {} without its user headers, which cannot be "
            + "decoded: {}. {} message(s) of this partition delivered without headers so far; logging one in {}",
            message.offset(), _partitionId, e.getMessage(), count, LOG_EVERY);
      }
      return null;
    }
  }
}
