package org.apache.iggy.connector.pinot.client;

import org.apache.pinot.spi.stream.PermanentConsumerException;
import org.apache.pinot.spi.stream.TransientConsumerException;

/** Builds Pinot's consumer exceptions with our own message, so Pinot's logs and segment errors read well. */
public final class IggyErrors {
  private IggyErrors() {
  }

  /** A problem that a retry can clear: network, timeout, server busy. */
  public static TransientConsumerException transientError(String message, Throwable cause) {
    return new Transient(message, cause);
  }

  /** A problem that needs an operator: credentials, permission, a missing stream, topic or partition. */
  public static PermanentConsumerException permanentError(String message, Throwable cause) {
    return new Permanent(message, cause);
  }

  private static final class Transient extends TransientConsumerException {
    private static final long serialVersionUID = 1L;
    private final String _message;

    Transient(String message, Throwable cause) {
      super(cause);
      _message = message;
    }

    @Override
    public String getMessage() {
      return _message;
    }
  }

  private static final class Permanent extends PermanentConsumerException {
    private static final long serialVersionUID = 1L;
    private final String _message;

    Permanent(String message, Throwable cause) {
      super(cause);
      _message = message;
    }

    @Override
    public String getMessage() {
      return _message;
    }
  }
}
