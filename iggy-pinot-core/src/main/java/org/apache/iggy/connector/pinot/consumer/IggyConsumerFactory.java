package org.apache.iggy.connector.pinot.consumer;

import java.time.Duration;
import org.apache.iggy.connector.pinot.client.IggyClientSource;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.apache.iggy.connector.pinot.client.SharedIggyClients;
import org.apache.iggy.connector.pinot.config.IggyStreamConfig;
import org.apache.iggy.connector.pinot.metadata.IggyStreamMetadataProvider;
import org.apache.iggy.connector.pinot.metadata.SynchronizedIggyStreamMetadataProvider;
import org.apache.pinot.spi.stream.LongMsgOffsetFactory;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.PartitionGroupConsumptionStatus;
import org.apache.pinot.spi.stream.StreamConfig;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamMetadataProvider;
import org.apache.pinot.spi.stream.StreamPartitionMsgOffsetFactory;
import org.apache.pinot.spi.stream.TransientConsumerException;
import org.apache.pinot.spi.utils.retry.AttemptFailureException;
import org.apache.pinot.spi.utils.retry.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pinot's entry point for {@code "streamType": "iggy"}. Pinot creates a factory at almost every call site, so
 * {@link #init} only validates the config; connections are borrowed from the JVM-wide {@link SharedIggyClients} and
 * opened on first use.
 */
public class IggyConsumerFactory extends StreamConsumerFactory {
  private static final Logger LOG = LoggerFactory.getLogger(IggyConsumerFactory.class);

  private final IggyClientSource _clients;
  private IggyStreamConfig _config;

  public IggyConsumerFactory() {
    this(SharedIggyClients.global());
  }

  /** A factory that borrows its clients from {@code clients}. */
  public IggyConsumerFactory(IggyClientSource clients) {
    _clients = clients;
  }

  @Override
  protected void init(StreamConfig streamConfig) {
    super.init(streamConfig);
    _config = IggyStreamConfig.from(streamConfig);
  }

  /** The validated Iggy config of this factory. */
  public IggyStreamConfig config() {
    return _config;
  }

  @Override
  public StreamMetadataProvider createPartitionMetadataProvider(String clientId, int partition) {
    return new IggyStreamMetadataProvider(clientId, _config, _clients.borrow(_config.connection()), partition);
  }

  @Override
  public StreamMetadataProvider createStreamMetadataProvider(String clientId) {
    return new IggyStreamMetadataProvider(clientId, _config, _clients.borrow(_config.connection()));
  }

  @Override
  public StreamMetadataProvider createStreamMetadataProvider(String clientId, boolean concurrentAccessExpected) {
    return concurrentAccessExpected
        ? new SynchronizedIggyStreamMetadataProvider(clientId, _config, _clients.borrow(_config.connection()))
        : createStreamMetadataProvider(clientId);
  }

  @Override
  public PartitionGroupConsumer createPartitionGroupConsumer(String clientId,
      PartitionGroupConsumptionStatus partitionGroupConsumptionStatus) {
    return new IggyPartitionGroupConsumer(clientId, _config, _clients.borrow(_config.connection()),
        partitionGroupConsumptionStatus.getStreamPartitionGroupId());
  }

  /** Creates the consumer and opens its connection, retrying the connection set-up with Pinot's policy. */
  @Override
  public PartitionGroupConsumer createPartitionGroupConsumer(String clientId,
      PartitionGroupConsumptionStatus partitionGroupConsumptionStatus, RetryPolicy retryPolicy) {
    IggyPartitionGroupConsumer consumer = (IggyPartitionGroupConsumer) createPartitionGroupConsumer(clientId,
        partitionGroupConsumptionStatus);
    Duration connectTimeout = Duration.ofMillis(_config.connection().connectTimeoutMillis());
    try {
      retryPolicy.attempt(() -> {
        try {
          consumer.connect(connectTimeout);
          return true;
        } catch (TransientConsumerException e) {
          LOG.warn("[{}] Connecting to Iggy at {} failed, will retry: {}", clientId,
              _config.connection().address(), e.getMessage());
          return false;
        }
      });
      return consumer;
    } catch (AttemptFailureException e) {
      consumer.close();
      throw IggyErrors.transientError("cannot connect to Iggy at " + _config.connection().address() + " after "
          + "retries: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
  }

  @Override
  public StreamPartitionMsgOffsetFactory createStreamMsgOffsetFactory() {
    return new LongMsgOffsetFactory();
  }
}
