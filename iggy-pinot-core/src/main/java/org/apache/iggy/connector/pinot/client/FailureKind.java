package org.apache.iggy.connector.pinot.client;

import java.util.Locale;

/**
 * What kind of thing went wrong talking to Iggy. Every error the client layer raises carries one
 * ({@link IggyErrors#kindOf}), so tools such as the pre-flight check can name it without reading messages.
 */
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
}
