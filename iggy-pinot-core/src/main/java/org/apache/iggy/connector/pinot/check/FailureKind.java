package org.apache.iggy.connector.pinot.check;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.NotSslRecordException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.apache.iggy.exception.IggyServerException;
import org.apache.iggy.exception.IggyTlsException;

/** What kind of thing went wrong talking to Iggy, read from the failure's cause chain. */
public enum FailureKind {
  DNS("the host name does not resolve"),
  REFUSED("nothing accepts connections at that address"),
  UNREACHABLE("the address cannot be reached"),
  TLS("the TLS handshake failed"),
  AUTH("the server rejected the credentials"),
  PERMISSION("the user lacks a permission"),
  NOT_FOUND("the stream, topic or partition does not exist"),
  TIMEOUT("the server did not answer in time"),
  OTHER("another error");

  private final String _meaning;

  FailureKind(String meaning) {
    _meaning = meaning;
  }

  /** The kind as reports print it, e.g. {@code not-found}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String meaning() {
    return _meaning;
  }

  /** The kind of a failure of the connector's client layer. */
  public static FailureKind of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      FailureKind kind = direct(t);
      if (kind != null) {
        return kind;
      }
    }
    String message = String.valueOf(failure.getMessage());
    if (message.contains("does not resolve")) {
      return DNS;
    }
    if (message.contains(" not found")) {
      return NOT_FOUND;
    }
    return message.contains("timed out") ? TIMEOUT : OTHER;
  }

  private static FailureKind direct(Throwable t) {
    if (t instanceof IggyServerException server) {
      return ofServerCode(server.getRawErrorCode());
    }
    if (t instanceof UnknownHostException) {
      return DNS;
    }
    if (t instanceof ConnectTimeoutException) {
      return TIMEOUT;
    }
    if (t instanceof ConnectException) {
      return REFUSED;
    }
    if (t instanceof NoRouteToHostException) {
      return UNREACHABLE;
    }
    if (t instanceof SSLException || t instanceof NotSslRecordException || t instanceof IggyTlsException
        || t instanceof GeneralSecurityException) {
      return TLS;
    }
    return t instanceof TimeoutException ? TIMEOUT : null;
  }

  private static FailureKind ofServerCode(int code) {
    switch (code) {
      case 20:
      case 42:
      case 43:
      case 44:
      case 47:
      case 53:
      case 54:
        return AUTH;
      case 41:
        return PERMISSION;
      case 1009:
      case 2010:
      case 3007:
        return NOT_FOUND;
      default:
        return OTHER;
    }
  }
}
