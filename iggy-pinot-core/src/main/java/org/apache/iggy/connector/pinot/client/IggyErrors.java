package org.apache.iggy.connector.pinot.client;

import org.apache.pinot.spi.stream.PermanentConsumerException;
import org.apache.pinot.spi.stream.TransientConsumerException;

/**
 * Builds Pinot's consumer exceptions with our own message, so Pinot's logs and segment errors read well, and with
 * the {@link FailureKind} the client layer found.
 */
public final class IggyErrors {
  private IggyErrors() {
  }

  /** A problem that a retry can clear: network, timeout, server busy. */
  public static TransientConsumerException transientError(FailureKind kind, String message, Throwable cause) {
    return new Transient(kind, message, cause);
  }

  /** A problem that needs an operator: credentials, permission, a missing stream, topic or partition. */
  public static PermanentConsumerException permanentError(FailureKind kind, String message, Throwable cause) {
    return new Permanent(kind, message, cause);
  }

  /** The kind of the first error of ours in the cause chain; {@link FailureKind#OTHER} for any other failure. */
  public static FailureKind kindOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof Kinded kinded) {
        return kinded.kind();
      }
    }
    return FailureKind.OTHER;
  }

  private interface Kinded {
    FailureKind kind();
  }

  private static final class Transient extends TransientConsumerException implements Kinded {
    private static final long serialVersionUID = 1L;
    private final FailureKind _kind;
    private final String _message;

    Transient(FailureKind kind, String message, Throwable cause) {
      super(cause);
      _kind = kind;
      _message = message;
    }

    @Override
    public FailureKind kind() {
      return _kind;
    }

    @Override
    public String getMessage() {
      return _message;
    }
  }

  private static final class Permanent extends PermanentConsumerException implements Kinded {
    private static final long serialVersionUID = 1L;
    private final FailureKind _kind;
    private final String _message;

    Permanent(FailureKind kind, String message, Throwable cause) {
      super(cause);
      _kind = kind;
      _message = message;
    }

    @Override
    public FailureKind kind() {
      return _kind;
    }

    @Override
    public String getMessage() {
      return _message;
    }
  }
}
