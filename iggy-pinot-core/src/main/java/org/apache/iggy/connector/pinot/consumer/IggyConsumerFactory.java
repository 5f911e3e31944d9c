package org.apache.iggy.connector.pinot.consumer;

import java.time.Duration;
import org.apache.iggy.connector.pinot.client.IggyClients;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.apache.iggy.connector.pinot.config.IggyStreamConfig;
import org.apache.iggy.connector.pinot.metadata.IggyStreamMetadataProvider;
import org.apache.iggy.connector.pinot.metadata.SynchronizedIggyStreamMetadataProvider;
import org.apache.iggy.connector.pinot.reader.DeliveredHistory;
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
 * {@link #init} only parses and validates the config; connections are borrowed from the JVM-wide
 * {@link IggyClients} (each consumer a client of its own, metadata providers a shared one)
 * and opened on first use. An invalid config fails every provider and consumer creation
 * with the message naming the keys: Pinot reports errors from there to the user (table creation, segment errors),
 * while it drops the message of an exception thrown by {@code init}.
 */
public class IggyConsumerFactory extends StreamConsumerFactory {
  private static final Logger LOG = LoggerFactory.getLogger(IggyConsumerFactory.class);

  private final IggyClients _clients;
  private final DeliveredHistory _history;
  private IggyStreamConfig _config;
  private IllegalArgumentException _configError;

  public IggyConsumerFactory() {
    this(IggyClients.global(), DeliveredHistory.global());
  }

  /** A factory that borrows its clients from {@code clients} and keeps what consumers delivered in {@code history}. */
  public IggyConsumerFactory(IggyClients clients, DeliveredHistory history) {
    _clients = clients;
    _history = history;
  }

  @Override
  protected void init(StreamConfig streamConfig) {
    super.init(streamConfig);
    try {
      _config = IggyStreamConfig.from(streamConfig);
    } catch (IllegalArgumentException e) {
      _configError = e;
    }
  }

  /**
   * The validated Iggy config of this factory.
   *
   * @throws IllegalArgumentException naming every invalid key when the config is invalid
   */
  public IggyStreamConfig config() {
    if (_configError != null) {
      throw new IllegalArgumentException(_configError.getMessage(), _configError);
    }
    return _config;
  }

  @Override
  public StreamMetadataProvider createPartitionMetadataProvider(String clientId, int partition) {
    IggyStreamConfig config = config();
    return new IggyStreamMetadataProvider(clientId, config, _clients, partition);
  }

  @Override
  public StreamMetadataProvider createStreamMetadataProvider(String clientId) {
    IggyStreamConfig config = config();
    return new IggyStreamMetadataProvider(clientId, config, _clients);
  }

  @Override
  public StreamMetadataProvider createStreamMetadataProvider(String clientId, boolean concurrentAccessExpected) {
    if (!concurrentAccessExpected) {
      return createStreamMetadataProvider(clientId);
    }
    IggyStreamConfig config = config();
    return new SynchronizedIggyStreamMetadataProvider(clientId, config, _clients);
  }

  @Override
  public PartitionGroupConsumer createPartitionGroupConsumer(String clientId,
      PartitionGroupConsumptionStatus partitionGroupConsumptionStatus) {
    IggyStreamConfig config = config();
    return new IggyPartitionGroupConsumer(clientId, config, _clients, _history, partitionGroupConsumptionStatus);
  }

  /**
   * Creates the consumer and opens its connection, retrying transient failures with Pinot's policy. A permanent
   * failure (credentials, TLS, a missing stream) is thrown as it is, although the policy wraps whatever the attempt
   * throws: Pinot would retry a transient error forever.
   */
  @Override
  public PartitionGroupConsumer createPartitionGroupConsumer(String clientId,
      PartitionGroupConsumptionStatus partitionGroupConsumptionStatus, RetryPolicy retryPolicy) {
    IggyPartitionGroupConsumer consumer = (IggyPartitionGroupConsumer) createPartitionGroupConsumer(clientId,
        partitionGroupConsumptionStatus);
    Duration connectTimeout = Duration.ofMillis(config().connection().connectTimeoutMillis());
    try {
      retryPolicy.attempt(() -> {
        try {
          consumer.connect(connectTimeout);
          return true;
        } catch (TransientConsumerException e) {
          LOG.warn("[{}] Connecting to Iggy at {} failed, will retry: {}", clientId,
              config().connection().address(), e.getMessage());
          return false;
        }
      });
      return consumer;
    } catch (AttemptFailureException e) {
      consumer.close();
      if (e.getCause() instanceof RuntimeException && !(e.getCause() instanceof TransientConsumerException)) {
        throw (RuntimeException) e.getCause();
      }
      throw IggyErrors.transientError(IggyErrors.kindOf(e), "cannot connect to Iggy at "
          + config().connection().address() + " after retries: " + e.getMessage(), e);
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
