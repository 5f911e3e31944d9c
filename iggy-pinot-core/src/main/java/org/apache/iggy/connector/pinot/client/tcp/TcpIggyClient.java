package org.apache.iggy.connector.pinot.client.tcp;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.iggy.connector.pinot.client.FailureKind;
import org.apache.iggy.connector.pinot.client.IggyClient;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.apache.iggy.connector.pinot.client.InFlight;
import org.apache.iggy.connector.pinot.client.PartitionMetadata;
import org.apache.iggy.connector.pinot.client.PollRequest;
import org.apache.iggy.connector.pinot.client.PolledBatch;
import org.apache.iggy.connector.pinot.client.RequestContext;
import org.apache.iggy.connector.pinot.client.TopicDescription;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;
import org.apache.iggy.connector.pinot.config.IggyResourceId;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.partition.Partition;
import org.apache.iggy.serde.CommandCode;
import org.apache.iggy.topic.Topic;
import org.apache.iggy.topic.TopicDetails;

/**
 * {@link IggyClient} over the Iggy Java SDK 0.8.0's TCP transport. Metadata requests use the SDK's typed clients;
 * polls are sent raw and their answers decoded by {@link PollCodec}, which copies each payload once and builds no id,
 * header map or per-message collection unless asked. The session opens on first use and is replaced once broken.
 */
public final class TcpIggyClient implements IggyClient {
  private final IggyConnectionSettings _settings;
  private final Requests _requests;
  private final ReentrantLock _openLock = new ReentrantLock();
  private volatile TcpSession _session;
  private volatile boolean _closed;

  /** A client for these settings; no network I/O until the first call. */
  public TcpIggyClient(IggyConnectionSettings settings) {
    _settings = settings;
    _requests = new Requests(settings);
  }

  @Override
  public void connect(Duration timeout) {
    session(deadline(timeout));
  }

  @Override
  public TopicDescription fetchTopic(TopicRef topic, Duration timeout) {
    long deadline = deadline(timeout);
    TcpSession session = session(deadline);
    RequestContext context = RequestContext.of("fetch topic metadata", topic);
    Optional<TopicDetails> details = _requests.await(session.topics().getTopic(streamId(topic.stream()),
        topicId(topic.topic())), session::markBroken, context, deadline);
    if (details.isEmpty()) {
      throw missingStreamOrTopic(session, topic, context, deadline);
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
  public List<String> fetchTopicNames(IggyResourceId stream, Duration timeout) {
    long deadline = deadline(timeout);
    TcpSession session = session(deadline);
    RequestContext context = RequestContext.of("list the topics of stream " + stream);
    List<Topic> topics = _requests.await(session.topics().getTopics(streamId(stream)), session::markBroken, context,
        deadline);
    if (topics.isEmpty() && _requests.await(session.streams().getStream(streamId(stream)), session::markBroken,
        context, deadline).isEmpty()) {
      throw IggyErrors.permanentError(FailureKind.NOT_FOUND, "Iggy stream " + stream + " not found at "
          + _settings.address(), null);
    }
    List<String> names = new ArrayList<>();
    topics.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).forEach(topic -> names.add(topic.name()));
    return names;
  }

  @Override
  public InFlight<PolledBatch> startPoll(PollRequest request, Duration connectTimeout) {
    TcpSession session = session(deadline(connectTimeout));
    String source = "Iggy at " + _settings.address();
    CompletableFuture<PolledBatch> decoded = session.send(CommandCode.Messages.POLL, PollCodec.request(request))
        .thenApply(answer -> {
          try {
            return PollCodec.answer(answer, request.keepMetadata(), source);
          } finally {
            answer.release();
          }
        });
    return _requests.track(decoded, session::markBroken, request.context());
  }

  @Override
  public void storeConsumerOffset(TopicRef topic, int partitionId, String consumerName, long offset,
      Duration timeout) {
    long deadline = deadline(timeout);
    TcpSession session = session(deadline);
    _requests.await(session.offsets().storeConsumerOffset(streamId(topic.stream()), topicId(topic.topic()),
        Optional.of((long) partitionId), Consumer.of(ConsumerId.of(consumerName)), BigInteger.valueOf(offset)),
        session::markBroken, RequestContext.of("store consumer offset", topic, partitionId), deadline);
  }

  @Override
  public void close() {
    _closed = true;
    TcpSession session = _session;
    _session = null;
    if (session != null) {
      session.markBroken();
    }
  }

  /** The caller's timeout capped by the request timeout, as a System.nanoTime deadline. */
  private long deadline(Duration timeout) {
    long millis = Math.min(Math.max(timeout.toMillis(), 1), _settings.requestTimeoutMillis());
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  private TcpSession session(long deadline) {
    TcpSession session = _session;
    if (session != null && !session.isBroken()) {
      return session;
    }
    try {
      if (!_openLock.tryLock(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())),
          TimeUnit.MILLISECONDS)) {
        throw IggyErrors.transientError(FailureKind.TIMEOUT, "connecting to Iggy at " + _settings.address()
            + " is taking longer than the request deadline", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw IggyErrors.transientError(FailureKind.OTHER, "interrupted while connecting to Iggy at "
          + _settings.address(), e);
    }
    try {
      if (_closed) {
        throw new IllegalStateException("this Iggy client for " + _settings.address() + " was closed");
      }
      session = _session;
      if (session == null || session.isBroken()) {
        session = TcpSession.open(_settings, _requests, Math.min(deadline, System.nanoTime()
            + TimeUnit.MILLISECONDS.toNanos(_settings.connectTimeoutMillis())));
        _session = session;
      }
      return session;
    } finally {
      _openLock.unlock();
    }
  }

  private RuntimeException missingStreamOrTopic(TcpSession session, TopicRef topic, RequestContext context,
      long deadline) {
    boolean streamExists = _requests.await(session.streams().getStream(streamId(topic.stream())),
        session::markBroken, context, deadline).isPresent();
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
}
