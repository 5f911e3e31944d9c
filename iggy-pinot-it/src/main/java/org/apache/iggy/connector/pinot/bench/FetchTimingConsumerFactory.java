package org.apache.iggy.connector.pinot.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pinot.spi.stream.MessageBatch;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.PartitionGroupConsumptionStatus;
import org.apache.pinot.spi.stream.StreamConfig;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamConsumerFactoryProvider;
import org.apache.pinot.spi.stream.StreamMetadataProvider;
import org.apache.pinot.spi.stream.StreamPartitionMsgOffset;
import org.apache.pinot.spi.stream.StreamPartitionMsgOffsetFactory;
import org.apache.pinot.spi.utils.retry.RetryPolicy;

/**
 * Wraps the stream plugin named by {@code stream.<type>.bench.delegate.factory.class.name} and adds the time its
 * consumers spend inside {@code fetchMessages} to the timer {@code stream.<type>.bench.timer}: how much of Pinot's
 * consumer thread the plugin takes.
 */
public class FetchTimingConsumerFactory extends StreamConsumerFactory {
  static final String DELEGATE = "bench.delegate.factory.class.name";
  static final String TIMER = "bench.timer";
  private static final Map<String, LongAdder> TIMERS = new ConcurrentHashMap<>();

  private StreamConsumerFactory _delegate;
  private LongAdder _timer;

  /** The nanoseconds spent in {@code fetchMessages} under {@code timer} since the last call; resets it. */
  static long takeNanos(String timer) {
    return TIMERS.computeIfAbsent(timer, name -> new LongAdder()).sumThenReset();
  }

  /** The stream config of a table reading through {@code delegate}, timed under {@code timer}. */
  static Map<String, String> wrap(Map<String, String> streamConfig, String delegate, String timer) {
    String prefix = "stream." + streamConfig.get("streamType") + ".";
    Map<String, String> wrapped = new HashMap<>(streamConfig);
    wrapped.put(prefix + "consumer.factory.class.name", FetchTimingConsumerFactory.class.getName());
    wrapped.put(prefix + DELEGATE, delegate);
    wrapped.put(prefix + TIMER, timer);
    return wrapped;
  }

  @Override
  protected void init(StreamConfig streamConfig) {
    super.init(streamConfig);
    String prefix = "stream." + streamConfig.getType() + ".";
    Map<String, String> config = new HashMap<>(streamConfig.getStreamConfigsMap());
    config.put(prefix + "consumer.factory.class.name", config.get(prefix + DELEGATE));
    _delegate = StreamConsumerFactoryProvider.create(new StreamConfig(streamConfig.getTableNameWithType(), config));
    _timer = TIMERS.computeIfAbsent(config.get(prefix + TIMER), name -> new LongAdder());
  }

  @Override
  public StreamMetadataProvider createPartitionMetadataProvider(String clientId, int partition) {
    return _delegate.createPartitionMetadataProvider(clientId, partition);
  }

  @Override
  public StreamMetadataProvider createStreamMetadataProvider(String clientId) {
    return _delegate.createStreamMetadataProvider(clientId);
  }

  @Override
  public PartitionGroupConsumer createPartitionGroupConsumer(String clientId,
      PartitionGroupConsumptionStatus status) {
    return new Timed(_delegate.createPartitionGroupConsumer(clientId, status), _timer);
  }

  @Override
  public PartitionGroupConsumer createPartitionGroupConsumer(String clientId,
      PartitionGroupConsumptionStatus status, RetryPolicy retryPolicy) {
    return new Timed(_delegate.createPartitionGroupConsumer(clientId, status, retryPolicy), _timer);
  }

  @Override
  public StreamPartitionMsgOffsetFactory createStreamMsgOffsetFactory() {
    return _delegate.createStreamMsgOffsetFactory();
  }

  private record Timed(PartitionGroupConsumer delegate, LongAdder timer) implements PartitionGroupConsumer {
    @Override
    public void start(StreamPartitionMsgOffset startOffset) {
      delegate.start(startOffset);
    }

    @Override
    public MessageBatch fetchMessages(StreamPartitionMsgOffset startOffset, int timeoutMs) throws TimeoutException {
      long started = System.nanoTime();
      try {
        return delegate.fetchMessages(startOffset, timeoutMs);
      } finally {
        timer.add(System.nanoTime() - started);
      }
    }

    @Override
    public StreamPartitionMsgOffset checkpoint(StreamPartitionMsgOffset lastOffset) {
      return delegate.checkpoint(lastOffset);
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}
