package org.apache.iggy.connector.pinot.client;

import java.io.File;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLException;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClient;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClientBuilder;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;
import org.apache.iggy.connector.pinot.config.IggyResourceId;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.exception.IggyNotConnectedException;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.partition.Partition;
import org.apache.iggy.topic.TopicDetails;
import org.apache.pinot.spi.stream.TransientConsumerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link IggyConnection} over the Iggy Java SDK's {@link AsyncIggyTcpClient}. It owns the deadlines the SDK lacks:
 * every future is awaited for at most the caller's timeout capped by the request timeout, and a connection that
 * timed out or lost its transport marks itself broken so it is replaced.
 */
public final class SdkIggyConnection implements IggyConnection {
  private static final Logger LOG = LoggerFactory.getLogger(SdkIggyConnection.class);
  /** The poll consumer id: polls never auto-commit, so no offset is ever stored under it. */
  private static final Consumer POLL_CONSUMER = Consumer.of(0L);

  private final IggyConnectionSettings _settings;
  private final RequestAwaiter _awaiter;
  /** Waits like {@link #_awaiter} but leaves the broken flag to the caller, which retries a refused probe. */
  private final RequestAwaiter _loginProbe;
  private final ReentrantLock _connectLock = new ReentrantLock();
  private volatile AsyncIggyTcpClient _client;
  private volatile boolean _broken;
  private CompletableFuture<Void> _closed;

  public SdkIggyConnection(IggyConnectionSettings settings) {
    _settings = settings;
    _awaiter = new RequestAwaiter(settings, () -> _broken = true);
    _loginProbe = new RequestAwaiter(settings, () -> { });
  }

  @Override
  public void connect(Duration timeout) {
    client(System.nanoTime() + timeout.toNanos());
  }

  @Override
  public TopicDescription fetchTopic(TopicRef topic, Duration timeout) {
    long deadline = _awaiter.deadlineFor(timeout.toMillis());
    AsyncIggyTcpClient client = client(deadline);
    RequestContext context = RequestContext.of("fetch topic metadata", topic);
    Optional<TopicDetails> details = _awaiter.await(client.topics().getTopic(streamId(topic.stream()),
        topicId(topic.topic())), deadline, context);
    if (details.isEmpty()) {
      throw missingStreamOrTopic(client, topic, deadline, context);
    }
    List<PartitionMetadata> partitions = new ArrayList<>();
    for (Partition partition : details.get().partitions()) {
      partitions.add(new PartitionMetadata(Math.toIntExact(partition.id()), partition.currentOffset().longValue(),
          partition.messagesCount().longValue()));
    }
    partitions.sort((a, b) -> Integer.compare(a.id(), b.id()));
    return new TopicDescription(topic, details.get().id(), details.get().name(), partitions);
  }

  @Override
  public PolledBatch poll(TopicRef topic, int partitionId, PollStart start, int count, Duration timeout) {
    long deadline = _awaiter.deadlineFor(timeout.toMillis());
    AsyncIggyTcpClient client = client(deadline);
    PolledMessages polled = _awaiter.await(client.messages().pollMessages(streamId(topic.stream()),
        topicId(topic.topic()), Optional.of((long) partitionId), POLL_CONSUMER, strategy(start), (long) count, false),
        deadline, RequestContext.of("poll", topic, partitionId));
    List<IggyRecord> records = new ArrayList<>(polled.messages().size());
    for (Message message : polled.messages()) {
      records.add(IggyRecords.fromSdk(message));
    }
    return new PolledBatch(Math.toIntExact(polled.partitionId()), polled.currentOffset().longValue(), records);
  }

  @Override
  public void storeConsumerOffset(TopicRef topic, int partitionId, String consumerName, long offset,
      Duration timeout) {
    long deadline = _awaiter.deadlineFor(timeout.toMillis());
    AsyncIggyTcpClient client = client(deadline);
    _awaiter.await(client.consumerOffsets().storeConsumerOffset(streamId(topic.stream()), topicId(topic.topic()),
        Optional.of((long) partitionId), Consumer.of(ConsumerId.of(consumerName)), BigInteger.valueOf(offset)),
        deadline, RequestContext.of("store consumer offset", topic, partitionId));
  }

  @Override
  public boolean isBroken() {
    return _broken;
  }

  @Override
  public synchronized CompletableFuture<Void> closeAsync() {
    if (_closed == null) {
      _broken = true;
      AsyncIggyTcpClient client = _client;
      _client = null;
      _closed = client == null ? CompletableFuture.completedFuture(null) : client.close();
    }
    return _closed;
  }

  private AsyncIggyTcpClient client(long deadline) {
    AsyncIggyTcpClient client = _client;
    if (client != null) {
      return client;
    }
    try {
      if (!_connectLock.tryLock(RequestAwaiter.remainingMillis(deadline), TimeUnit.MILLISECONDS)) {
        throw IggyErrors.transientError(FailureKind.TIMEOUT, "connecting to Iggy at " + _settings.address()
            + " is taking longer than the request deadline", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw IggyErrors.transientError(FailureKind.OTHER, "interrupted while connecting to Iggy at "
          + _settings.address(), e);
    }
    try {
      if (_client == null) {
        _client = open(Math.min(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(
            _settings.connectTimeoutMillis())));
      }
      return _client;
    } finally {
      _connectLock.unlock();
    }
  }

  private AsyncIggyTcpClient open(long deadline) {
    if (_broken) {
      throw IggyErrors.transientError(FailureKind.OTHER, "the connection to Iggy at " + _settings.address()
          + " was closed", null);
    }
    AsyncIggyTcpClient client = builder().build();
    try {
      _awaiter.await(client.connect(), deadline, RequestContext.of("connect"));
      if (_settings.usesToken()) {
        _awaiter.await(client.personalAccessTokens().loginWithPersonalAccessToken(_settings.personalAccessToken()),
            deadline, RequestContext.of("log in with personal access token"));
      } else {
        _awaiter.await(client.login(), deadline, RequestContext.of("log in as user '" + _settings.username()
            + "'"));
      }
      awaitSessionReady(client, deadline);
    } catch (RuntimeException e) {
      _broken = true;
      client.close();
      RuntimeException failure = explainTls(e, deadline);
      LOG.warn("Cannot connect to Iggy at {} as {}: {}", _settings.address(), _settings.principal(),
          failure.getMessage());
      throw failure;
    }
    LOG.info("Connected to Iggy at {} as {} (tls={}, pool size {})", _settings.address(), _settings.principal(),
        _settings.tls(), _settings.poolSize());
    return client;
  }

  /**
   * A failure over TLS that the SDK left unexplained, replaced by the TLS handshake's own error when a handshake of
   * our own fails ({@link TlsHandshakeProbe}); any other failure as it is.
   */
  private RuntimeException explainTls(RuntimeException failure, long deadline) {
    if (!_settings.tls() || IggyErrors.kindOf(failure) != FailureKind.OTHER) {
      return failure;
    }
    SSLException handshake = TlsHandshakeProbe.failure(_settings, TlsServerName.hostToDial(_settings),
        Math.min(_settings.connectTimeoutMillis(), TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    return handshake == null ? failure
        : new IggyErrorClassifier(_settings).classify(handshake, RequestContext.of("TLS handshake")).exception();
  }

  /**
   * The SDK 0.8.0 marks itself logged in only after the login future has completed, so a request sent right after
   * the login can be refused client-side with "Not authenticated". Wait, within the deadline, until an authenticated
   * request goes through.
   */
  private void awaitSessionReady(AsyncIggyTcpClient client, long deadline) {
    RequestContext context = RequestContext.of("confirm the login");
    while (true) {
      try {
        _loginProbe.await(client.system().getMe(), deadline, context);
        return;
      } catch (TransientConsumerException e) {
        if (!(IggyErrorClassifier.unwrap(e.getCause()) instanceof IggyNotConnectedException)
            || System.nanoTime() >= deadline) {
          _broken = true;
          throw e;
        }
        Thread.onSpinWait();
      }
    }
  }

  private AsyncIggyTcpClientBuilder builder() {
    AsyncIggyTcpClientBuilder builder = AsyncIggyTcpClient.builder()
        .host(TlsServerName.hostToDial(_settings))
        .port(_settings.port())
        .connectionPoolSize(_settings.poolSize())
        .connectionTimeout(Duration.ofMillis(_settings.connectTimeoutMillis()))
        .acquireTimeout(Duration.ofMillis(_settings.requestTimeoutMillis()));
    if (!_settings.usesToken()) {
      builder.credentials(_settings.username(), _settings.password());
    }
    if (_settings.tls()) {
      builder.enableTls();
      if (_settings.tlsCaFile() != null) {
        builder.tlsCertificate(new File(_settings.tlsCaFile()));
      }
    }
    return builder;
  }

  private RuntimeException missingStreamOrTopic(AsyncIggyTcpClient client, TopicRef topic, long deadline,
      RequestContext context) {
    boolean streamExists = _awaiter.await(client.streams().getStream(streamId(topic.stream())), deadline, context)
        .isPresent();
    String message = streamExists
        ? "Iggy topic " + topic.topic() + " not found in stream " + topic.stream() + " at " + _settings.address()
        : "Iggy stream " + topic.stream() + " not found at " + _settings.address();
    return IggyErrors.permanentError(FailureKind.NOT_FOUND, message, null);
  }

  private static StreamId streamId(IggyResourceId id) {
    return id.isNumeric() ? StreamId.of(id.numericId()) : StreamId.of(id.name());
  }

  private static TopicId topicId(IggyResourceId id) {
    return id.isNumeric() ? TopicId.of(id.numericId()) : TopicId.of(id.name());
  }

  private static PollingStrategy strategy(PollStart start) {
    switch (start.kind()) {
      case OFFSET:
        return PollingStrategy.offset(BigInteger.valueOf(start.value()));
      case TIMESTAMP:
        return PollingStrategy.timestamp(BigInteger.valueOf(start.value()));
      case FIRST:
        return PollingStrategy.first();
      default:
        throw new IllegalArgumentException("unknown poll start " + start);
    }
  }
}
