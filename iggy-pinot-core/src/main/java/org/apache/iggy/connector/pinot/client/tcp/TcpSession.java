package org.apache.iggy.connector.pinot.client.tcp;

import io.netty.buffer.ByteBuf;
import java.io.File;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.iggy.client.async.tcp.AsyncTcpConnection;
import org.apache.iggy.client.async.tcp.ConsumerOffsetsTcpClient;
import org.apache.iggy.client.async.tcp.PersonalAccessTokensTcpClient;
import org.apache.iggy.client.async.tcp.StreamsTcpClient;
import org.apache.iggy.client.async.tcp.SystemTcpClient;
import org.apache.iggy.client.async.tcp.TopicsTcpClient;
import org.apache.iggy.client.async.tcp.UsersTcpClient;
import org.apache.iggy.connector.pinot.client.FailureKind;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.apache.iggy.connector.pinot.client.RequestContext;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;
import org.apache.iggy.exception.IggyNotConnectedException;
import org.apache.iggy.serde.CommandCode;
import org.apache.pinot.spi.stream.TransientConsumerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logged-in connection pool of the Iggy Java SDK ({@link AsyncTcpConnection}: pooled Netty channels, TLS, a
 * login replayed on every new channel) and the SDK's typed clients over it. Once a request timed out or its transport
 * failed, the session is broken: it closes, and its owner opens a new one.
 */
final class TcpSession {
  private static final Logger LOG = LoggerFactory.getLogger(TcpSession.class);
  private static final int MAX_PENDING_ACQUIRES = 1000;

  private final AsyncTcpConnection _connection;
  private final TopicsTcpClient _topics;
  private final StreamsTcpClient _streams;
  private final ConsumerOffsetsTcpClient _offsets;
  private volatile boolean _broken;

  private TcpSession(AsyncTcpConnection connection) {
    _connection = connection;
    _topics = new TopicsTcpClient(connection);
    _streams = new StreamsTcpClient(connection);
    _offsets = new ConsumerOffsetsTcpClient(connection);
  }

  /** Connects, logs in and confirms the login, all before {@code deadline} (System.nanoTime). */
  static TcpSession open(IggyConnectionSettings settings, Requests requests, long deadline) {
    AsyncTcpConnection connection = new AsyncTcpConnection(TlsServerName.hostToDial(settings), settings.port(),
        settings.tls(), Optional.ofNullable(settings.tlsCaFile()).map(File::new), new AsyncTcpConnection
        .TCPConnectionPoolConfig(settings.poolSize(), MAX_PENDING_ACQUIRES, settings.requestTimeoutMillis()),
        Optional.of(Duration.ofMillis(settings.connectTimeoutMillis())));
    TcpSession session = new TcpSession(connection);
    try {
      requests.await(connection.connect(), session::markBroken, RequestContext.of("connect"), deadline);
      if (settings.usesToken()) {
        requests.await(new PersonalAccessTokensTcpClient(connection).loginWithPersonalAccessToken(
            settings.personalAccessToken()), session::markBroken, RequestContext.of("log in with personal access token"),
            deadline);
      } else {
        requests.await(new UsersTcpClient(connection).login(settings.username(), settings.password()),
            session::markBroken,
            RequestContext.of("log in as user '" + settings.username() + "'"), deadline);
      }
      session.awaitLoginConfirmed(requests, deadline);
    } catch (RuntimeException e) {
      session.markBroken();
      RuntimeException failure = explainTls(settings, requests, e, deadline);
      LOG.warn("Cannot connect to Iggy at {} as {}: {}", settings.address(), settings.principal(),
          failure.getMessage());
      throw failure;
    }
    LOG.info("Connected to Iggy at {} as {} (tls={}, {} connection(s))", settings.address(), settings.principal(),
        settings.tls(), settings.poolSize());
    return session;
  }

  /**
   * The SDK 0.8.0 marks itself logged in only after the login future has completed, so a request sent right after
   * the login can be refused client-side with "Not authenticated": wait, within the deadline, until an authenticated
   * request goes through.
   */
  private void awaitLoginConfirmed(Requests requests, long deadline) {
    SystemTcpClient system = new SystemTcpClient(_connection);
    while (true) {
      try {
        requests.await(system.getMe(), () -> { }, RequestContext.of("confirm the login"), deadline);
        return;
      } catch (TransientConsumerException e) {
        if (!(IggyErrorClassifier.unwrap(e.getCause()) instanceof IggyNotConnectedException)
            || System.nanoTime() >= deadline) {
          throw e;
        }
        Thread.onSpinWait();
      }
    }
  }

  /**
   * A failure over TLS that the SDK left unexplained, replaced by the TLS handshake's own error when a handshake of
   * our own fails ({@link TlsHandshakeProbe}); any other failure as it is.
   */
  private static RuntimeException explainTls(IggyConnectionSettings settings, Requests requests,
      RuntimeException failure, long deadline) {
    if (!settings.tls() || IggyErrors.kindOf(failure) != FailureKind.OTHER) {
      return failure;
    }
    SSLException handshake = TlsHandshakeProbe.failure(settings, TlsServerName.hostToDial(settings),
        Math.min(settings.connectTimeoutMillis(), TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    return handshake == null ? failure : requests.classify(handshake, RequestContext.of("TLS handshake"));
  }

  TopicsTcpClient topics() {
    return _topics;
  }

  StreamsTcpClient streams() {
    return _streams;
  }

  ConsumerOffsetsTcpClient offsets() {
    return _offsets;
  }

  /** Sends a raw command; the answer buffer belongs to the caller, who must release it. */
  CompletableFuture<ByteBuf> send(CommandCode code, ByteBuf payload) {
    return _connection.send(code, payload);
  }

  boolean isBroken() {
    return _broken;
  }

  /** Gives the session up: requests still in flight on it fail, and it is replaced on the next call. */
  void markBroken() {
    _broken = true;
    _connection.close();
  }
}
