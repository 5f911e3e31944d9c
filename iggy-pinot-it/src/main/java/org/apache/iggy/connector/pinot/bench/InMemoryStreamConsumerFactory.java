package org.apache.iggy.connector.pinot.bench;

import java.util.Map;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.LongMsgOffsetFactory;
import org.apache.pinot.spi.stream.MessageBatch;
import org.apache.pinot.spi.stream.OffsetCriteria;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.PartitionGroupConsumptionStatus;
import org.apache.pinot.spi.stream.StreamConfig;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamMetadataProvider;
import org.apache.pinot.spi.stream.StreamPartitionMsgOffset;
import org.apache.pinot.spi.stream.StreamPartitionMsgOffsetFactory;

/**
 * A Pinot stream plugin over an {@link InMemoryStream} (the stream config's topic names it), with the batch size of
 * {@code stream.<type>.bench.batch.size}: the RSDM's baseline in scenario 3, a stream that costs nothing to read.
 */
public class InMemoryStreamConsumerFactory extends StreamConsumerFactory {
  static final String BATCH_SIZE = "bench.batch.size";

  private InMemoryStream _stream;
  private int _batchSize;

  @Override
  protected void init(StreamConfig streamConfig) {
    super.init(streamConfig);
    _stream = InMemoryStream.named(streamConfig.getTopicName());
    Map<String, String> config = streamConfig.getStreamConfigsMap();
    _batchSize = Integer.parseInt(config.get("stream." + streamConfig.getType() + "." + BATCH_SIZE));
  }

  @Override
  public StreamMetadataProvider createPartitionMetadataProvider(String clientId, int partition) {
    return new Metadata(_stream, partition);
  }

  @Override
  public StreamMetadataProvider createStreamMetadataProvider(String clientId) {
    return new Metadata(_stream, 0);
  }

  @Override
  public PartitionGroupConsumer createPartitionGroupConsumer(String clientId,
      PartitionGroupConsumptionStatus status) {
    return new Consumer(_stream.partition(status.getStreamPartitionGroupId()), _batchSize);
  }

  @Override
  public StreamPartitionMsgOffsetFactory createStreamMsgOffsetFactory() {
    return new LongMsgOffsetFactory();
  }

  private record Consumer(org.apache.pinot.spi.stream.BytesStreamMessage[] messages, int batchSize)
      implements PartitionGroupConsumer {
    @Override
    public MessageBatch<byte[]> fetchMessages(StreamPartitionMsgOffset startOffset, int timeoutMs) {
      int from = (int) Math.min(((LongMsgOffset) startOffset).getOffset(), messages.length);
      return new InMemoryBatch(messages, from, Math.min(batchSize, messages.length - from));
    }

    @Override
    public void close() {
    }
  }

  private record Metadata(InMemoryStream stream, int partition) implements StreamMetadataProvider {
    @Override
    public int fetchPartitionCount(long timeoutMillis) {
      return stream.partitions();
    }

    @Override
    public StreamPartitionMsgOffset fetchStreamPartitionOffset(OffsetCriteria criteria, long timeoutMillis) {
      return new LongMsgOffset(criteria.isSmallest() ? 0 : stream.partition(partition).length);
    }

    @Override
    public boolean supportsOffsetLag() {
      return false;
    }

    @Override
    public void close() {
    }
  }
}
