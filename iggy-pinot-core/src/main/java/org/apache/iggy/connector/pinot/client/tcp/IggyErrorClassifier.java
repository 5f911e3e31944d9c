package org.apache.iggy.connector.pinot.client.tcp;

import io.netty.channel.ChannelException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.NotSslRecordException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.iggy.connector.pinot.client.FailureKind;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.apache.iggy.connector.pinot.client.RequestContext;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;
import org.apache.iggy.exception.IggyConnectionException;
import org.apache.iggy.exception.IggyNotConnectedException;
import org.apache.iggy.exception.IggyServerException;
import org.apache.iggy.exception.IggyTlsException;
import org.apache.pinot.spi.stream.PermanentConsumerException;
import org.apache.pinot.spi.stream.TransientConsumerException;

/**
 * Decides whether an Iggy failure is transient or permanent. Server errors are classified by their raw code: the
 * SDK 0.8.0 maps codes to exception classes with a table that does not match the server's.
 */
final class IggyErrorClassifier {
  private final IggyConnectionSettings _settings;

  IggyErrorClassifier(IggyConnectionSettings settings) {
    _settings = settings;
  }

  /** Translates a failure of a request, unwrapping future wrappers. */
  ClassifiedError classify(Throwable failure, RequestContext context) {
    Throwable error = unwrap(failure);
    if (error instanceof TransientConsumerException) {
      return new ClassifiedError((RuntimeException) error, true);
    }
    if (error instanceof PermanentConsumerException) {
      return new ClassifiedError((RuntimeException) error, false);
    }
    IggyServerException serverError = find(error, IggyServerException.class);
    if (serverError != null) {
      return classifyServerCode(serverError.getRawErrorCode(), serverError, context);
    }
    if (isCertificateProblem(error)) {
      return permanent(FailureKind.TLS, "TLS handshake with Iggy at " + _settings.address() + " failed: the server "
          + "certificate was not trusted or does not match " + verifiedName() + " (check stream.iggy.tls.ca.file and "
          + "stream.iggy.tls.server.name)", error);
    }
    if (find(error, NotSslRecordException.class) != null) {
      return permanent(FailureKind.TLS, "Iggy at " + _settings.address() + " did not answer with TLS: is TLS enabled "
          + "on the server? (stream.iggy.enable.tls=true)", error);
    }
    if (find(error, IggyTlsException.class) != null) {
      return permanent(FailureKind.TLS, "cannot set up TLS for Iggy at " + _settings.address() + ": "
          + error.getMessage() + " (check stream.iggy.tls.ca.file)", error);
    }
    if (find(error, TimeoutException.class) != null) {
      return transientError(FailureKind.TIMEOUT, context.describe() + " on Iggy at " + _settings.address()
          + " timed out", error, true);
    }
    if (find(error, IOException.class) != null || find(error, IggyConnectionException.class) != null
        || find(error, IggyNotConnectedException.class) != null || find(error, ChannelException.class) != null) {
      return transientError(transportKind(error), context.describe() + " failed: cannot reach Iggy at "
          + _settings.address() + " (" + describe(error) + ")", error, true);
    }
    return transientError(FailureKind.OTHER, context.describe() + " on Iggy at " + _settings.address() + " failed: "
        + describe(error), error, true);
  }

  private ClassifiedError classifyServerCode(int code, Throwable error, RequestContext context) {
    TopicRef topic = context.topic();
    switch (code) {
      case 42:
      case 43:
      case 44:
        return permanent(FailureKind.AUTH, "Iggy authentication failed for " + _settings.principal() + " at "
            + _settings.address() + " (code " + code + ": wrong username or password)", error);
      case 20:
      case 53:
        if (_settings.usesToken()) {
          return permanent(FailureKind.AUTH, "Iggy at " + _settings.address() + " rejected the personal access "
              + "token (code " + code + ": unknown token)", error);
        }
        break;
      case 54:
        return permanent(FailureKind.AUTH, "Iggy at " + _settings.address() + " rejected the personal access token "
            + "(code 54: token expired)", error);
      case 47:
        return permanent(FailureKind.AUTH, "Iggy " + _settings.principal() + " at " + _settings.address()
            + " is inactive (code 47)", error);
      case 41:
        return permanent(FailureKind.PERMISSION, "Iggy " + _settings.principal() + " has no permission for "
            + context.describe() + " at " + _settings.address() + " (code 41)", error);
      case 1009:
        return permanent(FailureKind.NOT_FOUND, "Iggy stream " + (topic != null ? topic.stream() : "")
            + " not found at " + _settings.address() + " (code 1009, during " + context.describe() + ")", error);
      case 2010:
        return permanent(FailureKind.NOT_FOUND, "Iggy topic " + (topic != null ? topic.topic()
            + " not found in stream " + topic.stream() : "not found") + " at " + _settings.address()
            + " (code 2010, during " + context.describe() + ")", error);
      case 3007:
        return permanent(FailureKind.NOT_FOUND, "Iggy partition " + context.partitionId() + " not found in "
            + (topic != null ? topic : "the topic") + " at " + _settings.address() + " (code 3007)", error);
      case 3:
      case 4:
        return permanent(FailureKind.OTHER, "Iggy at " + _settings.address() + " rejected " + context.describe()
            + " as malformed (code " + code + (code == 3 ? ": invalid command" : ": invalid format") + "); the "
            + "same request would be rejected again", error);
      case 1:
      case 8:
      case 30:
      case 40:
      case 100:
      case 206:
      case 11000:
      case 11001:
      case 12001:
      case 13000:
        return transientError(FailureKind.OTHER, context.describe() + " failed on Iggy at " + _settings.address()
            + " (code " + code + ": " + transientReason(code) + ")", error, true);
      default:
        break;
    }
    return transientError(FailureKind.OTHER, context.describe() + " failed on Iggy at " + _settings.address()
        + " (server error code " + code + ")", error, false);
  }

  private static String transientReason(int code) {
    switch (code) {
      case 8:
        return "server disconnected";
      case 30:
      case 100:
        return "stale or unknown client session";
      case 40:
        return "session lost, will log in again";
      default:
        return "server busy or failing";
    }
  }

  private String verifiedName() {
    return _settings.tlsServerName() != null ? "'" + _settings.tlsServerName() + "'" : "'" + _settings.host() + "'";
  }

  private ClassifiedError permanent(FailureKind kind, String message, Throwable cause) {
    return new ClassifiedError(IggyErrors.permanentError(kind, message, cause), false);
  }

  private static ClassifiedError transientError(FailureKind kind, String message, Throwable cause, boolean evict) {
    return new ClassifiedError(IggyErrors.transientError(kind, message, cause), evict);
  }

  private static boolean isCertificateProblem(Throwable error) {
    return find(error, GeneralSecurityException.class) != null || find(error, SSLPeerUnverifiedException.class) != null;
  }


  /** The kind of a transport failure, from the first cause in its chain that tells. */
  static FailureKind transportKind(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnknownHostException) {
        return FailureKind.DNS;
      }
      // Netty's connect timeout is a ConnectException: it must be told apart first.
      if (t instanceof ConnectTimeoutException) {
        return FailureKind.TIMEOUT;
      }
      if (t instanceof ConnectException) {
        return FailureKind.REFUSED;
      }
      if (t instanceof NoRouteToHostException) {
        return FailureKind.UNREACHABLE;
      }
      if (t instanceof SSLException) {
        return FailureKind.TLS;
      }
    }
    return FailureKind.OTHER;
  }

  private static String describe(Throwable error) {
    return error.getMessage() == null ? error.getClass().getSimpleName()
        : error.getClass().getSimpleName() + ": " + error.getMessage();
  }

  static Throwable unwrap(Throwable failure) {
    Throwable error = failure;
    while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
      error = error.getCause();
    }
    return error;
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
