package org.apache.iggy.connector.pinot.metadata;

import java.lang.reflect.Method;
import org.apache.pinot.spi.stream.ConsumerPartitionState;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.PartitionLagState;
import org.apache.pinot.spi.stream.StreamPartitionMsgOffset;

/**
 * Records lag (upstream next offset minus the consuming offset) and availability lag (time between Iggy storing the
 * last processed message and Pinot processing it) of one partition, or {@code NOT_CALCULATED} when unknown.
 */
public final class IggyPartitionLagState extends PartitionLagState {
  private final String _recordsLag;
  private final String _availabilityLagMs;

  public IggyPartitionLagState(String recordsLag, String availabilityLagMs) {
    _recordsLag = recordsLag;
    _availabilityLagMs = availabilityLagMs;
  }

  /** The lag of a partition as Pinot's consumer reports it. */
  public static IggyPartitionLagState of(ConsumerPartitionState state) {
    return new IggyPartitionLagState(recordsLag(state.getCurrentOffset(), state.getUpstreamLatestOffset()),
        availabilityLagMs(state.getLastProcessedTimeMs(), recordIngestionTimeMs(state)));
  }

  @Override
  public String getRecordsLag() {
    return _recordsLag;
  }

  @Override
  public String getAvailabilityLagMs() {
    return _availabilityLagMs;
  }

  static String recordsLag(StreamPartitionMsgOffset current, StreamPartitionMsgOffset upstream) {
    if (current instanceof LongMsgOffset && upstream instanceof LongMsgOffset) {
      return String.valueOf(Math.max(0, ((LongMsgOffset) upstream).getOffset() - ((LongMsgOffset) current)
          .getOffset()));
    }
    return NOT_CALCULATED;
  }

  static String availabilityLagMs(long lastProcessedTimeMs, long recordIngestionTimeMs) {
    if (lastProcessedTimeMs > 0 && recordIngestionTimeMs > 0) {
      return String.valueOf(Math.max(0, lastProcessedTimeMs - recordIngestionTimeMs));
    }
    return NOT_CALCULATED;
  }

  /**
   * The ingestion time of the last processed row. {@code getLastProcessedRowMetadata()} returns {@code RowMetadata}
   * on Pinot 1.4 and {@code StreamMessageMetadata} on 1.5+, so a direct call would fail to link on 1.4.
   */
  static long recordIngestionTimeMs(ConsumerPartitionState state) {
    try {
      Method getter = ConsumerPartitionState.class.getMethod("getLastProcessedRowMetadata");
      Object metadata = getter.invoke(state);
      if (metadata == null) {
        return Long.MIN_VALUE;
      }
      Object millis = metadata.getClass().getMethod("getRecordIngestionTimeMs").invoke(metadata);
      return millis instanceof Long ? (Long) millis : Long.MIN_VALUE;
    } catch (ReflectiveOperationException e) {
      return Long.MIN_VALUE;
    }
  }
}
